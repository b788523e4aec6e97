/**
 * Words that modify the noun after them by age, novelty, order or extent (새 이름, the new
 * name): a source says the same with another form (새로운, 새롭게, renamed) or leaves it to the
 * date, so they only help a sentence that writes them, and are never required. Korean: the
 * prenouns (관형사) of this kind, a closed class of the grammar (표준국어대사전's 관형사 entries);
 * the determiners and numerals among them (이, 그, 한, 두, 모든, 각) shape the question and are
 * listed as phrasing. English: adjectives of age and order, as a grammar lists them.
 */
import { words } from './words.js';

export const KOREAN_PRENOUNS = words('새 헌 옛 첫 온 온갖 갖은 여러 딴 현');

export const ENGLISH_MODIFIERS = words('new old former current latest previous recent original initial');
