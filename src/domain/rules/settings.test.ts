import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, SETTING_SOURCES, SettingsError } from './settings';

describe('resolveSettings', () => {
  it('layers a partial object over the defaults', () => {
    const settings = resolveSettings({ publicNoticeWorkdays: 7 });

    expect(settings).toEqual({ ...DEFAULT_SETTINGS, publicNoticeWorkdays: 7 });
  });

  it('rejects an unknown setting with a Chinese message naming it', () => {
    expect(() => resolveSettings({ noticeDays: 7 })).toThrowError(SettingsError);
    expect(() => resolveSettings({ noticeDays: 7 })).toThrowError('noticeDays');
  });

  it('rejects a value of the wrong type', () => {
    expect(() => resolveSettings({ enable2026Revision: 'yes' })).toThrowError('enable2026Revision');
  });

  it('keeps the 2026 revision off by default and gives every setting a source note', () => {
    expect(DEFAULT_SETTINGS.enable2026Revision).toBe(false);
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      expect(SETTING_SOURCES[key as keyof typeof SETTING_SOURCES].length).toBeGreaterThan(10);
    }
  });
});
