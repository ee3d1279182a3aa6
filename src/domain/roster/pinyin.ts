/**
 * Search keys for a name: full pinyin and initials, lower case, without tones, surnames read
 * as surnames (曾 zeng, 单 shan). Stored on `person` so a search is a plain SQL LIKE.
 */
import { pinyin } from 'pinyin-pro';

export interface NameSearchKeys {
  namePinyin: string;
  nameInitials: string;
}

export function nameSearchKeys(name: string): NameSearchKeys {
  const options = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' } as const;
  const syllables = pinyin(name, options).filter((s) => /^[a-z]+$/i.test(s));
  return {
    namePinyin: syllables.join('').toLowerCase(),
    nameInitials: syllables
      .map((s) => s[0] ?? '')
      .join('')
      .toLowerCase(),
  };
}

/** True when a search text should be matched against pinyin rather than the name itself. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z]+$/i.test(q);
}
