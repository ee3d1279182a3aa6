import type { ThemeConfig } from 'antd';

// 党建 red as the primary colour; system fonts only (nothing is fetched from outside the machine).
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c0392b',
    colorLink: '#c0392b',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: { headerBg: '#a61b1b', headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
  },
};
