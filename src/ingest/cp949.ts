/**
 * CP949 (Windows code page 949, "Unified Hangul Code") is EUC-KR plus 8,822 Hangul
 * syllables that KS X 1001 lacks (똠, 햏, 뷁...), coded in otherwise unused byte pairs.
 * The WHATWG `euc-kr` decoder is CP949 and workerd implements it; Node 20's ICU build maps
 * only plain EUC-KR and turns the extension pairs into garbage. Where the runtime's decoder
 * lacks them we decode those pairs ourselves: the extension syllables are exactly the
 * Hangul syllables missing from KS X 1001, in Unicode order, and the runtime's own
 * EUC-KR decoder tells us which syllables KS X 1001 has.
 */

let extensionTable: string[] | null | undefined;

/** Decodes CP949/EUC-KR bytes (without a BOM) to a string. */
export function decodeCp949(bytes: Uint8Array): string {
  const decoder = new TextDecoder('euc-kr');
  const table = extensionSyllables();
  if (!table) return decoder.decode(bytes);
  let out = '';
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const index = extensionIndex(lead, bytes[i + 1] ?? 0);
    if (index >= 0) {
      out += decoder.decode(bytes.subarray(start, i), { stream: true }) + (table[index] ?? '\ufffd');
      start = i + 2;
    }
    i++;
  }
  return out + decoder.decode(bytes.subarray(start));
}

/**
 * The extension's position of a byte pair, or -1. Leads 0x81-0xA0 take trails A-Z, a-z and
 * 0x81-0xFE (178 a lead); leads 0xA1-0xC6 take A-Z, a-z and 0x81-0xA0 (84 a lead).
 */
function extensionIndex(lead: number, trail: number): number {
  let column: number;
  if (trail >= 0x41 && trail <= 0x5a) column = trail - 0x41;
  else if (trail >= 0x61 && trail <= 0x7a) column = 26 + trail - 0x61;
  else if (trail >= 0x81 && trail <= 0xfe) column = 52 + trail - 0x81;
  else return -1;
  if (lead >= 0x81 && lead <= 0xa0) return (lead - 0x81) * 178 + column;
  if (lead >= 0xa1 && lead <= 0xc6 && column < 84) {
    const index = 32 * 178 + (lead - 0xa1) * 84 + column;
    return index < 8822 ? index : -1;
  }
  return -1;
}

/** null when the runtime's decoder already handles the extension (the WHATWG decoder does). */
function extensionSyllables(): string[] | null {
  if (extensionTable !== undefined) return extensionTable;
  const decoder = new TextDecoder('euc-kr');
  if (decoder.decode(new Uint8Array([0x8c, 0x63])) === '똠') return (extensionTable = null);
  // KS X 1001 codes its 2,350 syllables at rows 0xB0-0xC8, columns 0xA1-0xFE.
  const pairs = new Uint8Array(25 * 94 * 2);
  let n = 0;
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pairs[n++] = lead;
      pairs[n++] = trail;
    }
  }
  const inKsX1001 = new Set(decoder.decode(pairs));
  const table: string[] = [];
  for (let code = 0xac00; code <= 0xd7a3; code++) {
    const syllable = String.fromCharCode(code);
    if (!inKsX1001.has(syllable)) table.push(syllable);
  }
  return (extensionTable = table);
}
