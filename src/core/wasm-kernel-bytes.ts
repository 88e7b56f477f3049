/**
 * The bytes (base64) of the single-function WebAssembly kernels {@link wasmKernel} compiles, by kernel name, as the
 * assembler produces them from their descriptions (int16-stats.ts, float-stats.ts): running the assembler when the
 * kernel is first needed cost ~3 ms of a `dlrn extract`. A unit test keeps each entry equal to the assembler's output
 * (after a change to a kernel, it prints the new base64 to paste here); a kernel without an entry is assembled.
 */
export const WASM_KERNEL_BASE64: Readonly<Record<string, string>> = {
  int16StatsS: 'AGFzbQEAAAABBQFgAX8AAg8BA2VudgZtZW1vcnkCAAEDAgEABw8BC2ludDE2U3RhdHNTAAAKdgF0AgF/BHtBAP0AAwAiAiEDQQD9ESEEAkADQCAARQ0BIAH9AAMAIQUgAiAF/ZYBIQIgAyAF/ZgBIQMgBCAF/X79rgEhBCABQRBqIQEgAEEBayEADAALC0GAgAQgAv0LAwBBgIAEIAP9CwMQQYCABCAE/QsDIAs=',
  int16StatsU: 'AGFzbQEAAAABBQFgAX8AAg8BA2VudgZtZW1vcnkCAAEDAgEABw8BC2ludDE2U3RhdHNVAAAKdgF0AgF/BHtBAP0AAwAiAiEDQQD9ESEEAkADQCAARQ0BIAH9AAMAIQUgAiAF/ZcBIQIgAyAF/ZkBIQMgBCAF/X/9rgEhBCABQRBqIQEgAEEBayEADAALC0GAgAQgAv0LAwBBgIAEIAP9CwMQQYCABCAE/QsDIAs=',
  floatStats32: 'AGFzbQEAAAABCAFgBH98fHwAAg8BA2VudgZtZW1vcnkCAAEDAgEABxABDGZsb2F0U3RhdHMzMgAACmUBYwIBfwF8AkADQCAARQ0BIAQqAgC7IQUgASAFoCEBIAUgAiAFIAJjGyECIAUgAyAFIANkGyEDIARBBGohBCAAQQFrIQAMAAsLQYCABCABOQMAQYCABCACOQMIQYCABCADOQMQCw==',
  floatStats64: 'AGFzbQEAAAABCAFgBH98fHwAAg8BA2VudgZtZW1vcnkCAAEDAgEABxABDGZsb2F0U3RhdHM2NAAACmQBYgIBfwF8AkADQCAARQ0BIAQrAwAhBSABIAWgIQEgBSACIAUgAmMbIQIgBSADIAUgA2QbIQMgBEEIaiEEIABBAWshAAwACwtBgIAEIAE5AwBBgIAEIAI5AwhBgIAEIAM5AxAL',
};
