import { describe, expect, it } from 'vitest';
import { WIDGET_GZIP_BUDGET_BYTES, bundleWidget, gzipSize } from './web-bundle.js';

describe('the widget bundle', () => {
  it('stays within its gzip budget', async () => {
    expect(gzipSize(await bundleWidget())).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET_BYTES);
  });

  it('never parses strings as HTML or code (the CSP forbids eval; untrusted text must stay text)', async () => {
    const script = await bundleWidget();
    expect(script).not.toMatch(
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
    );
  });
});
