// Kiln OpenCL kernels, built once per device (see ClContext).
//
// Tensors are float32 views: (buffer, offset, shape, strides). Shapes and strides travel as int8
// kernel arguments (rank <= 8 after the host merges mergeable dimensions), so no op needs a
// metadata buffer or a host round trip. Where the device has cl_khr_fp64, transcendental
// functions and sums are computed in double and rounded once, which is what the reference backend
// does (java.lang.Math in double, sums accumulated in double); without it they run in float.

#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
#else
typedef float real;
#endif

#define UNPACK(v, arr) int arr[8]; vstore8((v), 0, arr)

// Storage position of the element with row-major position lin in shape (rank dims).
inline int offset_of(int lin, int rank, const int* shape, const int* strides, int base) {
    if (rank == 1) return base + lin * strides[0]; // merged contiguous/strided runs: no division
    int off = base;
    for (int d = rank - 1; d >= 0; d--) {
        int s = shape[d];
        off += (lin % s) * strides[d];
        lin /= s;
    }
    return off;
}

// ------------------------------------------------------------------ scalar definitions (match UnaryOp/BinaryOp)

inline float unary_op(int op, float x) {
    switch (op) {
        case 0: return -x;
        case 1: return fabs(x);
        case 2: return (float) exp((real) x);
        case 3: return (float) log((real) x);
        case 4: return (float) sqrt((real) x);
        case 5: return (float) (1.0 / (real) x);
        case 6: return (float) tanh((real) x);
        case 7: {
            // written so that large |x| neither overflows nor loses the sign
            real r = (real) x;
            return x >= 0 ? (float) (1.0 / (1.0 + exp(-r))) : (float) (exp(r) / (1.0 + exp(r)));
        }
        case 8: return x > 0 ? x : (isnan(x) ? x : 0.0f);
        case 9: return isnan(x) ? x : (x > 0 ? 1.0f : (x < 0 ? -1.0f : x));
        case 10: return (float) sin((real) x);
        case 11: return (float) cos((real) x);
        default: return NAN;
    }
}

// java.lang.Math.pow semantics: NaN exponent gives NaN, (+-1)^(+-inf) gives NaN.
inline float java_pow(float a, float b) {
    if (b == 0.0f) return 1.0f;
    if (isnan(b) || isnan(a)) return NAN;
    if (fabs(a) == 1.0f && isinf(b)) return NAN;
    return (float) pow((real) a, (real) b);
}

// java.lang.Math.max/min plus NaN propagation (BinaryOp.MAX/MIN, ReduceOp.MAX/MIN).
inline float java_max(float a, float b) {
    if (isnan(a) || isnan(b)) return NAN;
    if (a == 0.0f && b == 0.0f) return signbit(a) ? b : a;
    return a >= b ? a : b;
}

inline float java_min(float a, float b) {
    if (isnan(a) || isnan(b)) return NAN;
    if (a == 0.0f && b == 0.0f) return signbit(b) ? b : a;
    return a <= b ? a : b;
}

inline float binary_op(int op, float a, float b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return (float) ((real) a / (real) b);
        case 4: return java_pow(a, b);
        case 5: return java_max(a, b);
        case 6: return java_min(a, b);
        case 7: return a == b ? 1.0f : 0.0f;
        case 8: return a != b ? 1.0f : 0.0f;
        case 9: return a < b ? 1.0f : 0.0f;
        case 10: return a <= b ? 1.0f : 0.0f;
        case 11: return a > b ? 1.0f : 0.0f;
        case 12: return a >= b ? 1.0f : 0.0f;
        default: return NAN;
    }
}

// ------------------------------------------------------------------ element-wise and copies

kernel void ew_unary(global float* out, int op, int rank, int8 shape,
                     global const float* x, int xoff, int8 xstr, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(shape, sh); UNPACK(xstr, xs);
    out[i] = unary_op(op, x[offset_of(i, rank, sh, xs, xoff)]);
}

kernel void ew_binary(global float* out, int op, int rank, int8 shape,
                      global const float* a, int aoff, int8 astr,
                      global const float* b, int boff, int8 bstr, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(shape, sh); UNPACK(astr, as); UNPACK(bstr, bs);
    out[i] = binary_op(op, a[offset_of(i, rank, sh, as, aoff)], b[offset_of(i, rank, sh, bs, boff)]);
}

kernel void ew_where(global float* out, int rank, int8 shape,
                     global const float* c, int coff, int8 cstr,
                     global const float* a, int aoff, int8 astr,
                     global const float* b, int boff, int8 bstr, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(shape, sh); UNPACK(cstr, cs); UNPACK(astr, as); UNPACK(bstr, bs);
    out[i] = c[offset_of(i, rank, sh, cs, coff)] != 0.0f
            ? a[offset_of(i, rank, sh, as, aoff)] : b[offset_of(i, rank, sh, bs, boff)];
}

// Copies a strided view into out at (outoff, outstr): contiguous(), concat.
kernel void copy_strided(global float* out, int outoff, int8 outstr, int rank, int8 shape,
                         global const float* x, int xoff, int8 xstr, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(shape, sh); UNPACK(outstr, os); UNPACK(xstr, xs);
    out[offset_of(i, rank, sh, os, outoff)] = x[offset_of(i, rank, sh, xs, xoff)];
}

// ------------------------------------------------------------------ reductions
// The input is seen as outer (kept) dims x inner (reduced) dims: output o reduces the inner
// elements starting at offset_of(o, outer).

inline real reduce_identity(int op) {
    return op <= 1 ? (real) 0 : (op == 2 ? (real) -INFINITY : (real) INFINITY);
}

inline real reduce_combine(int op, real acc, real v) {
    if (op <= 1) return acc + v;
    if (isnan(acc) || isnan(v)) return (real) NAN;
    return op == 2 ? fmax(acc, v) : fmin(acc, v);
}

inline float reduce_finish(int op, real acc, int count) {
    return op == 1 ? (float) (acc / (real) count) : (float) acc;
}

// One work-item per output: for short reduced extents. count divides MEAN (the elements behind
// the inputs: larger than inner when the inputs are partial sums).
kernel void reduce_seq(global float* out, int op, global const float* x, int xoff,
                       int orank, int8 oshape, int8 ostr, int irank, int8 ishape, int8 istr, int inner, int count,
                       int n) {
    int o = get_global_id(0);
    if (o >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(oshape, osh); UNPACK(ostr, ost); UNPACK(ishape, ish); UNPACK(istr, ist);
    int base = offset_of(o, orank, osh, ost, xoff);
    real acc = reduce_identity(op);
    for (int r = 0; r < inner; r++) {
        acc = reduce_combine(op, acc, (real) x[offset_of(r, irank, ish, ist, base)]);
    }
    out[o] = reduce_finish(op, acc, count);
}

// parts work-groups per output, each reducing one chunk of the inner elements with a strided scan
// and a tree in local memory (power-of-two local size). With parts == 1 it writes the result; with
// parts > 1 it writes raw partials out[o * parts + part] (sums for SUM and MEAN) for a second pass.
kernel void reduce_wg(global float* out, int op, global const float* x, int xoff,
                      int orank, int8 oshape, int8 ostr, int irank, int8 ishape, int8 istr, int inner,
                      int parts, int count, local real* scratch) {
    int g = get_group_id(0);
    int o = g / parts;
    int part = g % parts;
    int chunk = (inner + parts - 1) / parts;
    int lo = part * chunk;
    int hi = min(inner, lo + chunk);
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    UNPACK(oshape, osh); UNPACK(ostr, ost); UNPACK(ishape, ish); UNPACK(istr, ist);
    int base = offset_of(o, orank, osh, ost, xoff);
    real acc = reduce_identity(op);
    for (int r = lo + lid; r < hi; r += ls) {
        acc = reduce_combine(op, acc, (real) x[offset_of(r, irank, ish, ist, base)]);
    }
    scratch[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = ls / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = reduce_combine(op, scratch[lid], scratch[lid + s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        out[g] = parts == 1 ? reduce_finish(op, scratch[0], count) : (float) scratch[0];
    }
}

// Index of the first maximum along one axis; NaN counts as the maximum.
kernel void argmax_seq(global float* out, global const float* x, int xoff,
                       int orank, int8 oshape, int8 ostr, int len, int astride, int n) {
    int o = get_global_id(0);
    if (o >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(oshape, osh); UNPACK(ostr, ost);
    int base = offset_of(o, orank, osh, ost, xoff);
    int best = 0;
    float bv = x[base];
    for (int k = 1; k < len && !isnan(bv); k++) {
        float v = x[base + k * astride];
        if (v > bv || isnan(v)) {
            best = k;
            bv = v;
        }
    }
    out[o] = (float) best;
}

// Which of two (value, index) candidates is the first maximum: NaN beats numbers, ties and two
// NaNs go to the lower index.
inline bool argmax_prefers(float v1, int i1, float v2, int i2) {
    if (isnan(v1) || isnan(v2)) {
        return isnan(v1) && (!isnan(v2) || i1 < i2);
    }
    return v1 > v2 || (v1 == v2 && i1 < i2);
}

// argmax over a long axis: one work-group per output, strided scan then a tree in local memory.
kernel void argmax_wg(global float* out, global const float* x, int xoff,
                      int orank, int8 oshape, int8 ostr, int len, int astride,
                      local float* vals, local int* idxs) {
    int o = get_group_id(0);
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    UNPACK(oshape, osh); UNPACK(ostr, ost);
    int base = offset_of(o, orank, osh, ost, xoff);
    float bv = x[base + lid * astride];
    int bi = lid;
    for (int k = lid + ls; k < len; k += ls) {
        float v = x[base + k * astride];
        if (argmax_prefers(v, k, bv, bi)) {
            bv = v;
            bi = k;
        }
    }
    vals[lid] = bv;
    idxs[lid] = bi;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = ls / 2; s > 0; s >>= 1) {
        if (lid < s && argmax_prefers(vals[lid + s], idxs[lid + s], vals[lid], idxs[lid])) {
            vals[lid] = vals[lid + s];
            idxs[lid] = idxs[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) out[o] = (float) idxs[0];
}

// ------------------------------------------------------------------ fused softmax family
// One work-group per row (all positions but the softmax axis); tree reductions in local memory.

inline real group_reduce(local real* scratch, real v, int op) {
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    barrier(CLK_LOCAL_MEM_FENCE);
    scratch[lid] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = ls / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = reduce_combine(op, scratch[lid], scratch[lid + s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return scratch[0];
}

// mode 0: softmax, 1: logSoftmax.
kernel void softmax_rows(global float* out, int mode, global const float* x, int xoff,
                         int orank, int8 oshape, int8 xostr, int8 oostr, int len, int xastr, int oastr,
                         local real* scratch) {
    int row = get_group_id(0);
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    UNPACK(oshape, osh); UNPACK(xostr, xos); UNPACK(oostr, oos);
    int xb = offset_of(row, orank, osh, xos, xoff);
    int ob = offset_of(row, orank, osh, oos, 0);
    real m = (real) -INFINITY;
    for (int k = lid; k < len; k += ls) m = reduce_combine(2, m, (real) x[xb + k * xastr]);
    float mx = (float) group_reduce(scratch, m, 2);
    real s = 0;
    for (int k = lid; k < len; k += ls) s += exp((real) (x[xb + k * xastr] - mx));
    real sum = group_reduce(scratch, s, 0);
    float lse = (float) log(sum);
    for (int k = lid; k < len; k += ls) {
        float shifted = x[xb + k * xastr] - mx;
        out[ob + k * oastr] = mode == 0 ? (float) (exp((real) shifted) / sum) : shifted - lse;
    }
}

// Per-row -log softmax(logits)[label]; an invalid label picks nothing (as a one-hot row of zeros).
kernel void softmax_xent(global float* out, global const float* x, int xoff, int xs0, int xs1, int classes,
                         global const float* labels, int loff, int lstride, local real* scratch) {
    int row = get_group_id(0);
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    int xb = xoff + row * xs0;
    real m = (real) -INFINITY;
    for (int k = lid; k < classes; k += ls) m = reduce_combine(2, m, (real) x[xb + k * xs1]);
    float mx = (float) group_reduce(scratch, m, 2);
    real s = 0;
    for (int k = lid; k < classes; k += ls) s += exp((real) (x[xb + k * xs1] - mx));
    float lse = (float) log(group_reduce(scratch, s, 0));
    float label = labels[loff + row * lstride];
    bool valid = label >= 0 && label < classes && label == rint(label);
    int target = valid ? (int) label : -1;
    real picked = 0;
    for (int k = lid; k < classes; k += ls) {
        float logp = (x[xb + k * xs1] - mx) - lse;
        // select, never multiply: 0 * (-inf) from another class's logit would be NaN
        if (k == target) picked += (real) logp;
    }
    picked = group_reduce(scratch, picked, 0);
    if (lid == 0) out[row] = -(float) picked;
}

// ------------------------------------------------------------------ matrix product
// C[batch] = A[batch] @ B[batch]. Each work-group computes a TS x TS tile of C, staging TSK-deep
// slices of A and B in local memory; each work-item keeps a WPT x WPT block of C in registers and
// reads its A/B fragments from local memory as float4. TS and WPT come from the build options
// (64/4 on CPU devices, 128/8 on GPUs; see ClContext); the work-group is (TS/WPT)^2 items.
// A and B are arbitrary strided views (transposes need no copy); batch dims broadcast via strides.

#ifndef TS
#define TS 64
#endif
#ifndef WPT
#define WPT 4
#endif
#define TSK 16
#define RTS (TS / WPT)
#define APAD 4 // As rows padded: the A-tile stores walk k, which would hit one local bank

kernel __attribute__((reqd_work_group_size(RTS, RTS, 1)))
void sgemm(global float* C, int M, int N, int K,
           global const float* A, int aoff, int sam, int sak,
           global const float* B, int boff, int sbk, int sbn,
           int brank, int8 bshape, int8 abstr, int8 bbstr) {
    const int tn = get_local_id(0);
    const int tm = get_local_id(1);
    const int n0 = get_group_id(0) * TS;
    const int m0 = get_group_id(1) * TS;
    const int batch = get_global_id(2);
    UNPACK(bshape, bsh); UNPACK(abstr, abs_); UNPACK(bbstr, bbs);
    const int ab = offset_of(batch, brank, bsh, abs_, aoff);
    const int bb = offset_of(batch, brank, bsh, bbs, boff);

    local float As[TSK][TS + APAD];
    local float Bs[TSK][TS];
    float acc[WPT][WPT];
    #pragma unroll
    for (int i = 0; i < WPT; i++) {
        #pragma unroll
        for (int j = 0; j < WPT; j++) acc[i][j] = 0.0f;
    }
    const int tid = tm * RTS + tn;

    for (int k0 = 0; k0 < K; k0 += TSK) {
        for (int e = tid; e < TS * TSK; e += RTS * RTS) {
            int mm = e / TSK, kk = e % TSK; // neighbours walk k: coalesced for row-major A
            int gm = m0 + mm, gk = k0 + kk;
            As[kk][mm] = (gm < M && gk < K) ? A[ab + gm * sam + gk * sak] : 0.0f;
        }
        for (int e = tid; e < TSK * TS; e += RTS * RTS) {
            int kk = e / TS, nn = e % TS; // neighbours walk n: coalesced for row-major B
            int gk = k0 + kk, gn = n0 + nn;
            Bs[kk][nn] = (gk < K && gn < N) ? B[bb + gk * sbk + gn * sbn] : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        #pragma unroll
        for (int k = 0; k < TSK; k++) {
            float a[WPT], b[WPT];
#ifdef STRIDED_MAP
            // item (tm, tn) owns rows tm + i*RTS and columns tn + j*RTS: neighbouring items read
            // neighbouring words of Bs (no bank conflicts) and write neighbouring words of C
            #pragma unroll
            for (int w = 0; w < WPT; w++) {
                a[w] = As[k][tm + w * RTS];
                b[w] = Bs[k][tn + w * RTS];
            }
#else
            #pragma unroll
            for (int w = 0; w < WPT; w += 4) {
                float4 av = vload4(0, &As[k][tm * WPT + w]);
                float4 bv = vload4(0, &Bs[k][tn * WPT + w]);
                a[w] = av.x; a[w + 1] = av.y; a[w + 2] = av.z; a[w + 3] = av.w;
                b[w] = bv.x; b[w + 1] = bv.y; b[w + 2] = bv.z; b[w + 3] = bv.w;
            }
#endif
            #pragma unroll
            for (int i = 0; i < WPT; i++) {
                #pragma unroll
                for (int j = 0; j < WPT; j++) acc[i][j] = fma(a[i], b[j], acc[i][j]);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }

#ifdef STRIDED_MAP
    for (int i = 0; i < WPT; i++) {
        int gm = m0 + tm + i * RTS;
        if (gm >= M) break;
        global float* c = C + ((long) batch * M + gm) * N;
        #pragma unroll
        for (int j = 0; j < WPT; j++) {
            int gn = n0 + tn + j * RTS;
            if (gn < N) c[gn] = acc[i][j];
        }
    }
#else
    const int gn = n0 + tn * WPT;
    for (int i = 0; i < WPT; i++) {
        int gm = m0 + tm * WPT + i;
        if (gm >= M) break;
        global float* c = C + ((long) batch * M + gm) * N;
        if (gn + WPT <= N) {
            #pragma unroll
            for (int w = 0; w < WPT; w += 4) {
                vstore4((float4) (acc[i][w], acc[i][w + 1], acc[i][w + 2], acc[i][w + 3]), 0, c + gn + w);
            }
        } else {
            for (int j = 0; j < WPT && gn + j < N; j++) c[gn + j] = acc[i][j];
        }
    }
#endif
}

// ------------------------------------------------------------------ indexing

kernel void index_select(global float* out, int rank, int8 oshape, int axis,
                         global const float* x, int xoff, int8 xstr,
                         global const float* idx, int ioff, int istride, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(oshape, osh); UNPACK(xstr, xs);
    int lin = i, off = xoff;
    for (int d = rank - 1; d >= 0; d--) {
        int p = lin % osh[d];
        lin /= osh[d];
        if (d == axis) p = (int) idx[ioff + p * istride];
        off += p * xs[d];
    }
    out[i] = x[off];
}

// Max pooling over non-overlapping k x k windows of x [N, C, H, W] (any strides, xstr): one
// work-item per output. The winner is the first maximum in row-major window order, or the first
// NaN (the reference's rule); idx gets its row-major position in x, as a float.
kernel void max_pool2d(global float* out, global float* idx, global const float* x, int xoff, int8 xstr,
                       int C, int H, int W, int k, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(xstr, xs);
    int wo = W / k, ho = H / k;
    int j = i % wo, t = i / wo;
    int r = t % ho;
    t /= ho;
    int c = t % C, b = t / C;
    int base = xoff + b * xs[0] + c * xs[1];
    int plane = (b * C + c) * H;
    int best = (plane + r * k) * W + j * k;
    float top = x[base + r * k * xs[2] + j * k * xs[3]];
    for (int di = 0; di < k; di++) {
        for (int dj = 0; dj < k; dj++) {
            float v = x[base + (r * k + di) * xs[2] + (j * k + dj) * xs[3]];
            if (!(v <= top) && top == top) { // larger, or the first NaN; a NaN best stays
                top = v;
                best = (plane + r * k + di) * W + j * k + dj;
            }
        }
    }
    out[i] = top;
    idx[i] = (float) best;
}

// out already holds a contiguous copy of base. Work-item (t, r) adds, for the t-th distinct target
// slot, every src slice whose index points there, in increasing index order (the reference's
// order, so results are deterministic and bit-identical). members[starts[t] .. starts[t+1]) are
// the src positions along the axis; r walks the positions of the other dims.
kernel void index_add(global float* out, int8 ostr, int rank, int8 sshape, int axis, int rest,
                      global const float* src, int soff, int8 sstr,
                      global const int* targets, global const int* starts, global const int* members, int n) {
    int g = get_global_id(0);
    if (g >= n) return; // the global size is rounded up to whole work-groups
    int t = g / rest;
    int r = g % rest;
    UNPACK(ostr, os); UNPACK(sshape, ssh); UNPACK(sstr, ss);
    int so = soff, oo = 0;
    for (int d = rank - 1; d >= 0; d--) {
        if (d == axis) continue;
        int p = r % ssh[d];
        r /= ssh[d];
        so += p * ss[d];
        oo += p * os[d];
    }
    oo += targets[t] * os[axis];
    float acc = out[oo];
    for (int q = starts[t]; q < starts[t + 1]; q++) {
        acc += src[so + members[q] * ss[axis]];
    }
    out[oo] = acc;
}

kernel void one_hot(global float* out, int classes, global const float* idx, int ioff, int rank, int8 ishape,
                    int8 istr, int n) {
    int i = get_global_id(0);
    if (i >= n) return; // the global size is rounded up to whole work-groups
    UNPACK(ishape, ish); UNPACK(istr, ist);
    int row = i / classes;
    int c = i % classes;
    float v = idx[offset_of(row, rank, ish, ist, ioff)];
    out[i] = (v >= 0 && v < classes && v == rint(v) && (int) v == c) ? 1.0f : 0.0f;
}
