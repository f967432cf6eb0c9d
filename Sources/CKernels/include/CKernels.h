#ifndef DOJO_CKERNELS_H
#define DOJO_CKERNELS_H

// Vector kernels of the training engine, in C because Swift cannot compile one function for
// a CPU feature and pick it at run time: on x86-64 each is built twice (AVX2 + FMA and
// baseline SSE2) and the exported function picks one by CPU (see kernels.c). Elsewhere they
// are compiled once for the target. Every kernel is deterministic: fixed order of operations,
// independent of alignment and of which clone runs on a given machine.

/// y[i] = gelu(x[i]) (tanh form, as GPT-2) and x[i] = gelu'(x[i]), for i < n.
void dojo_gelu_with_derivative(float *x, float *y, long n);
/// y[i] = gelu(x[i]).
void dojo_gelu_forward(const float *x, float *y, long n);
/// dx[i] += dy[i] * gelu'(x[i]).
void dojo_gelu_backward(const float *x, const float *dy, float *dx, long n);

/// Causal attention's softmax of one row in place: softmax over [0, valid), zeros over
/// [valid, length).
void dojo_causal_softmax_row(float *row, long valid, long length);
/// Its backward in place: g = p * (g - p.g) over [0, valid), zeros over [valid, length).
void dojo_causal_softmax_backward_row(const float *p, float *g, long valid, long length);

/// One Adam/AdamW step of n weights: g' = g + l2*w; m = b1*m + (1-b1)*g';
/// v = b2*v + (1-b2)*g'^2; w = w*shrink - step*m / (sqrt(v)*root_correction + eps).
void dojo_adam_update(float *w, const float *g, float *m, float *v, long n,
                      float beta1, float beta2, float eps, float l2, float shrink, float step,
                      float root_correction);

/// LayerNorm of rows [lo, hi) of x [rows, c]: y = (x - mean) * rstd * gain + shift, and
/// stats[2i] = mean, stats[2i+1] = rstd.
void dojo_layernorm_forward(const float *x, const float *gain, const float *shift, float *y,
                            float *stats, long lo, long hi, long c, float eps);
/// dx for rows [lo, hi) (overwritten when overwrite != 0, else accumulated).
void dojo_layernorm_backward(const float *x, const float *gain, const float *stats,
                             const float *dy, float *dx, long lo, long hi, long c, int overwrite);

// The baseline instance of each kernel (what a CPU without AVX2 + FMA runs), declared so
// tests cover it on machines that dispatch to the AVX2 one.
void dojo_gelu_with_derivative_base(float *x, float *y, long n);
void dojo_gelu_forward_base(const float *x, float *y, long n);
void dojo_gelu_backward_base(const float *x, const float *dy, float *dx, long n);
void dojo_causal_softmax_row_base(float *row, long valid, long length);
void dojo_causal_softmax_backward_row_base(const float *p, float *g, long valid, long length);
void dojo_adam_update_base(float *w, const float *g, float *m, float *v, long n,
                           float beta1, float beta2, float eps, float l2, float shrink, float step,
                           float root_correction);
void dojo_layernorm_forward_base(const float *x, const float *gain, const float *shift, float *y,
                                 float *stats, long lo, long hi, long c, float eps);
void dojo_layernorm_backward_base(const float *x, const float *gain, const float *stats,
                                  const float *dy, float *dx, long lo, long hi, long c, int overwrite);

#endif
