/**
 * Verbs common in questions about announcements. A verb phrases a question: matched by its
 * stem it adds support, missing it costs nothing.
 *
 * Korean: native verb and adjective stems (고유어 용언), which take the same 는/은/을 endings as a noun takes
 * particles (만드는, 넣은), so they are recognised by their stem; Sino-Korean verbs are read by
 * their 하다/되다 ending instead (korean-words.ts). English: basic verbs and their irregular
 * past forms (regular ones are read by -ed/-ing).
 */
import { words } from './words.js';

export const KOREAN_VERB_STEMS = words(`
  나오 나가 들어가 들어오 들여오 만드 만들 내 넣 받 주 쓰 짓 세우 가지 갖 얻 오 가 보 알 모르 맡 보태 거두 정하
  잡 끝나 늘리 줄이 넓히 바꾸 팔 사 빌리 갚 들 드 걸리 열 여 놓 남 생기 이루 쓰이 지 지어지 세워지 들어서
  치 내주 돌려주 빌려주 꾸리 꾸려지 뽑 뽑히 고르 나누 나뉘 합치 모으 모이 내리 올리 오르 떨어지 바뀌
  없애 없어지 생겨나 맡기 맡겨지 붙 떼 찾 기다리 다니 배우 가르치 돕 도와주 살리 키우 크 끄 뜨 꾸 말
  작 적 많 높 낮 길 짧 빠르 늦 이르 좋 나쁘 어렵 쉽 같 다르 따르 싸 비싸
`);

export const ENGLISH_VERBS = words(`
  put make take build spend bring raise plan receive go come expand keep call say use pay borrow lend
  cover need want know find see happen mean become begin start finish cost contribute supply produce aim sign
  approve invest host lead run share
  built made brought spent paid lent took given gave sold bought held led set said meant kept came went grew
  rose fell began
`);
