import { describe, expect, it } from 'vitest';
import { isSendKey } from './composer.js';

const key = (over: Partial<Parameters<typeof isSendKey>[0]> = {}) => ({
  key: 'Enter',
  shiftKey: false,
  isComposing: false,
  keyCode: 13,
  ...over,
});

describe('isSendKey', () => {
  it('sends on Enter', () => expect(isSendKey(key())).toBe(true));

  it('does not send on Shift+Enter (a new line) or another key', () => {
    expect(isSendKey(key({ shiftKey: true }))).toBe(false);
    expect(isSendKey(key({ key: 'a', keyCode: 65 }))).toBe(false);
  });

  it('does not send on the Enter that ends an IME composition, as Chromium and Firefox report it and as Safari does (keyCode 229)', () => {
    expect(isSendKey(key({ isComposing: true, keyCode: 229 }))).toBe(false);
    expect(isSendKey(key({ isComposing: false, keyCode: 229 }))).toBe(false);
  });
});
