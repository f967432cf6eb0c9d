#include "CKernels.h"

#include <math.h>

// kernels.inc holds each kernel once, written on a vector of W lanes. On x86-64 it is
// compiled twice, for AVX2 + FMA (8 lanes) and for baseline SSE2 (4 lanes); the exported
// functions below pick one per process from the CPU, so a machine without AVX2 still runs.
// Elsewhere (arm64: NEON) it is compiled once with 4 lanes. Measured on the bench machine
// (AMD EPYC, Zen 3), the GELU loop takes 0.94 ns per element with AVX2 + FMA against 2.66 ns
// with SSE2, which is what Swift's own loops get (Swift compiles for baseline x86-64 only).

#if defined(__x86_64__)
#define W 8
#define NAME(f) f##_avx2
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "kernels.inc"
#pragma clang attribute pop
#undef W
#undef NAME

#define W 4
#define NAME(f) f##_base
#include "kernels.inc"
#undef W
#undef NAME

/// Whether this CPU runs the AVX2 + FMA instance; asked once.
static int use_avx2(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return cached;
}

#define DISPATCH(f, ...) (use_avx2() ? f##_avx2(__VA_ARGS__) : f##_base(__VA_ARGS__))
#else
#define W 4
#define NAME(f) f##_base
#include "kernels.inc"
#define DISPATCH(f, ...) f##_base(__VA_ARGS__)
#endif

void dojo_gelu_with_derivative(float *x, float *y, long n) { DISPATCH(dojo_gelu_with_derivative, x, y, n); }

void dojo_gelu_forward(const float *x, float *y, long n) { DISPATCH(dojo_gelu_forward, x, y, n); }

void dojo_gelu_backward(const float *x, const float *dy, float *dx, long n) { DISPATCH(dojo_gelu_backward, x, dy, dx, n); }

void dojo_causal_softmax_row(float *row, long valid, long length) { DISPATCH(dojo_causal_softmax_row, row, valid, length); }

void dojo_causal_softmax_backward_row(const float *p, float *g, long valid, long length) {
    DISPATCH(dojo_causal_softmax_backward_row, p, g, valid, length);
}

void dojo_adam_update(float *w, const float *g, float *m, float *v, long n, float beta1, float beta2, float eps,
                      float l2, float shrink, float step, float root_correction) {
    DISPATCH(dojo_adam_update, w, g, m, v, n, beta1, beta2, eps, l2, shrink, step, root_correction);
}

void dojo_layernorm_forward(const float *x, const float *gain, const float *shift, float *y, float *stats,
                            long lo, long hi, long c, float eps) {
    DISPATCH(dojo_layernorm_forward, x, gain, shift, y, stats, lo, hi, c, eps);
}

void dojo_layernorm_backward(const float *x, const float *gain, const float *stats, const float *dy, float *dx,
                             long lo, long hi, long c, int overwrite) {
    DISPATCH(dojo_layernorm_backward, x, gain, stats, dy, dx, lo, hi, c, overwrite);
}
