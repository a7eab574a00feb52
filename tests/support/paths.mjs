// Where the tests find the builds; override with WINNOW_NATIVE_CLI and friends.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const nativeCli = process.env.WINNOW_NATIVE_CLI ?? `${root}build/native/winnow`;
export const nodeCli = `${root}src/js/cli.mjs`;
export const nativeTests = `${root}build/native/tests/winnow_tests`;
export const wasmTests = `${root}build/wasm/tests/winnow_tests.cjs`;
export const seedsDir = `${root}../shared/seeds`;
export const samplesDir = `${root}web/samples`;
export const webRoot = `${root}dist/web`;
export const screenshotsDir = `${root}build/screenshots`;
export const nativeDedupBench = `${root}build/native/winnow_dedup_bench`;
export const wasmDedupBench = `${root}build/wasm/winnow_dedup_bench.cjs`;
export const html5libDriver = `${root}build/native/winnow_html5lib_driver`;
export const html5libDir = `${root}../shared/bench/html5lib`;
export const aebDir = `${root}../shared/bench/aeb`;
export const dedupGenerator = `${root}../shared/bench/dedup/gen_corpus.py`;
