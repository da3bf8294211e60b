package dev.kiln.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.io.SafeTensorsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Element counts that overflow (issue 21): a clear error naming the shape, never a 0-element tensor. */
class ShapeOverflowTest {
    @Test
    void zerosWhoseElementCountWrapsALongIsRejectedNamingTheShape() {
        // 65536^4 = 2^64: multiplied in a long it wraps to exactly 0
        assertThatThrownBy(() -> Tensor.zeros(65536, 65536, 65536, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[65536, 65536, 65536, 65536]")
                .hasMessageContaining("18446744073709551616 elements");
        assertThatThrownBy(() -> Tensor.zeros(46341, 46341)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[46341, 46341]").hasMessageContaining("more than 2^31-1");
    }

    @Test
    void aZeroDimensionDoesNotHideAnOverflowingRest() {
        assertThatThrownBy(() -> Shape.numel(new int[] {0, 65536, 65536}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 65536, 65536]")
                .hasMessageContaining("ignoring its zero dimensions");
        assertThat(Shape.numel(new int[] {0, 1000, 1000})).isZero();
        assertThat(Shape.numel(new int[] {})).isEqualTo(1);
        assertThat(Shape.numel(new int[] {46340, 46340})).isEqualTo(46340 * 46340);
    }

    @Test
    void reshapeAndFullRejectOverflowingShapes() {
        Tensor t = Tensor.zeros(4);
        assertThatThrownBy(() -> t.reshape(65536, 65536, 65536, 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[65536, 65536, 65536, 65536]");
        assertThatThrownBy(() -> Tensor.full(1f, 1 << 16, 1 << 16, 1 << 16, 1 << 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    }

    private static byte[] file(String header) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
    }

    @Test
    void safetensorsEntryWhoseShapeOverflowsIsRejectedNamingTensorAndShape() {
        byte[] bytes = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536,65536,65536],\"data_offsets\":[0,0]}}");
        assertThatThrownBy(() -> SafeTensors.decode(bytes, "wrap.safetensors"))
                .isInstanceOf(SafeTensorsException.class).hasMessageContaining("wrap.safetensors")
                .hasMessageContaining("tensor 'w'").hasMessageContaining("[65536, 65536, 65536, 65536]");
    }

    @Test
    void safetensorsShapeThatDisagreesWithItsOffsetsIsRejected() {
        byte[] bytes = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[3,0,5],\"data_offsets\":[0,0]},"
                + "\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,0]}}");
        assertThatThrownBy(() -> SafeTensors.decode(bytes, "span.safetensors"))
                .isInstanceOf(SafeTensorsException.class).hasMessageContaining("span.safetensors")
                .hasMessageContaining("tensor 'v'").hasMessageContaining("[2]").hasMessageContaining("needs 8 bytes");
    }
}
