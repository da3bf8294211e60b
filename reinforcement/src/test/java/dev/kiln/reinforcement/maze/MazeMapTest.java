package dev.kiln.reinforcement.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MazeMapTest {
    @Test
    void parsesTilesStartAndGoalsRowMajor() {
        MazeMap m = MazeMap.parse("""
                #####
                #S.T#
                #H#G#
                #####
                """);
        assertThat(m.rows()).isEqualTo(4);
        assertThat(m.cols()).isEqualTo(5);
        assertThat(m.start()).isEqualTo(6);
        assertThat(m.goals()).containsExactly(13);
        assertThat(m.tile(1, 3)).isEqualTo(Tile.TRAP);
        assertThat(m.tile(2, 1)).isEqualTo(Tile.HOLE);
        assertThat(m.toAscii()).isEqualTo("#####\n#S.T#\n#H#G#\n#####\n");
    }

    @Test
    void frozenLakeFIsFreeAndEdgesBlock() {
        MazeMap m = MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4);
        assertThat(m.tile(0, 1)).isEqualTo(Tile.FREE);
        assertThat(m.neighbour(0, Move.LEFT)).isEqualTo(0);
        assertThat(m.neighbour(0, Move.UP)).isEqualTo(0);
        assertThat(m.neighbour(0, Move.RIGHT)).isEqualTo(1);
        assertThat(m.neighbour(0, Move.DOWN)).isEqualTo(4);
        assertThat(m.neighbour(15, Move.RIGHT)).isEqualTo(15);
    }

    @Test
    void noStartIsAnError() {
        assertThatThrownBy(() -> MazeMap.parse("..G\n..."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no start 'S'");
    }

    @Test
    void noGoalIsAnError() {
        assertThatThrownBy(() -> MazeMap.parse("S..\n..."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no goal 'G'");
    }

    @Test
    void secondStartNamesBothPlaces() {
        assertThatThrownBy(() -> MazeMap.parse("S.G\n..S"))
                .hasMessageContaining("second start 'S' at row 1, column 2")
                .hasMessageContaining("row 0, column 0");
    }

    @Test
    void unknownCharacterNamesRowAndColumn() {
        assertThatThrownBy(() -> MazeMap.parse("S..\n.x.\n..G"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown character 'x' at row 1, column 1");
    }

    @Test
    void raggedRowsNameTheRow() {
        assertThatThrownBy(() -> MazeMap.parse(List.of("S...", "..", "...G")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 2 columns but row 0 has 4")
                .hasMessageContaining("column 2");
    }

    @Test
    void unreachableGoalNamesGoalAndStart() {
        assertThatThrownBy(() -> MazeMap.parse("""
                S.#..
                ..#.G
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("goal at row 1, column 4 is unreachable")
                .hasMessageContaining("start at row 0, column 0");
    }

    @Test
    void holesCutOffAGoal() {
        assertThatThrownBy(() -> MazeMap.parse("SHG"))
                .hasMessageContaining("goal at row 0, column 2 is unreachable");
    }

    @Test
    void emptyMapIsAnError() {
        assertThatThrownBy(() -> MazeMap.parse("\n\n")).hasMessageContaining("no rows");
    }

    @Test
    void nullMapsAreKilnErrorsNotBareNullPointerExceptions() {
        assertThatThrownBy(() -> MazeMap.parse((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("map text is null");
        assertThatThrownBy(() -> MazeMap.parse((List<String>) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("list of rows is null");
        assertThatThrownBy(() -> MazeMap.parse(java.util.Arrays.asList("S.G", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> MazeMap.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tile grid is null");
    }
}
