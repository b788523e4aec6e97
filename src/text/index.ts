export { normalizeText } from './normalize.js';
export { tokenize, type TokenizeOptions } from './tokenize.js';
export { stripParticle } from './particles.js';
export { detectLanguage, primaryLanguage, type DetectedLang } from './language.js';
export {
  extractQuantities,
  factMatches,
  formatMoney,
  formatQuantity,
  quantitiesMatch,
  type Currency,
  type Quantity,
  type QuantityKind,
} from './numbers.js';
