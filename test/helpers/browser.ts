import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's headless Chromium, as the machine notes require: root needs --no-sandbox, and
 * the closed network needs background networking off (or Chromium retries lookups at start).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
