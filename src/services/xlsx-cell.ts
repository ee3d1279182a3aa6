/** Cell values of an uploaded .xlsx reduced to text, shared by every import that reads cells. */
import type ExcelJS from 'exceljs';

/** A cell reduced to what an import checks: its text, and whether Excel stored a number. */
export interface CellText {
  text: string;
  isNumber: boolean;
}

const EMPTY: CellText = { text: '', isNumber: false };

export function cellText(value: ExcelJS.CellValue | undefined): CellText {
  if (value === null || value === undefined) {
    return EMPTY;
  }
  if (typeof value === 'string') {
    return { text: value.trim(), isNumber: false };
  }
  if (value instanceof Date) {
    return { text: value.toISOString().slice(0, 10), isNumber: false };
  }
  if (typeof value === 'number') {
    return { text: String(value), isNumber: true };
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
        isNumber: false,
      };
    }
    if ('text' in value && typeof value.text === 'string') {
      return { text: value.text.trim(), isNumber: false };
    }
    if ('result' in value) {
      return cellText(value.result as ExcelJS.CellValue);
    }
    return EMPTY;
  }
  return { text: String(value).trim(), isNumber: false };
}
