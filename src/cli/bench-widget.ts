/**
 * `npm run bench:widget`: the size of `/widget.js` as a browser downloads it, gzipped.
 * Exits 1 above the budget (issue 11).
 */
import { fail } from './args.js';
import { WIDGET_GZIP_BUDGET_BYTES, bundleWidget, gzipSize } from './web-bundle.js';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  const script = await bundleWidget();
  const gzip = gzipSize(script);
  console.log(
    `widget.js: ${kib(Buffer.byteLength(script))} minified, ${kib(gzip)} gzip (budget ${kib(WIDGET_GZIP_BUDGET_BYTES)})`,
  );
  if (gzip > WIDGET_GZIP_BUDGET_BYTES)
    fail(`widget.js is ${kib(gzip - WIDGET_GZIP_BUDGET_BYTES)} over its gzip budget`, 1);
}

main().catch((error: Error) => fail(`bundling the chat UI failed: ${error.message}`, 1));
