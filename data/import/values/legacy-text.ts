/**
 * Text typed with a legacy Vietnamese font (TCVN3/ABC ".VnTime", VNI "VNI-Times") and stored in
 * a Unicode file shows up as Latin-1 look-alikes: "Bá Hiến" is "B¸ HiÕn" in TCVN3 and "Baù Hieán"
 * in VNI. Such text is detected and refused, never imported (converting it would need tables we
 * cannot verify here). Genuine Vietnamese Unicode text is never flagged: it contains letters
 * outside Latin-1 (ă, đ, ơ, ư, ạ…), or only Latin-1 letters that Vietnamese itself uses.
 */
import { cellProblem, type CellProblem } from '../problems';

/**
 * Characters TCVN3 puts where its letters are (¸ = á, µ = à, · = ã, ¹ = ạ, § = Đ, the soft
 * hyphen U+00AD = ư …) and that neither Vietnamese nor VNI ever writes.
 */
const TCVN3_SIGNS = /[\u0080-\u009f\u00a1-\u00bfÄÅÆÇËÎÐ×Þßäåæçëî÷þÿ]/;
/**
 * VNI writes a vowel then a Latin-1 mark letter (aù = á, eá = ế, oø = ò), aâ/eâ/oâ for â/ê/ô,
 * ñ/Ñ for đ/Đ and ö for ư; ï ø û ü never occur in Vietnamese.
 */
const VNI_SIGNS = /[aeiouyAEIOUYâêôÂÊÔ][ùøûõïÙØÛÕÏ]|[aeoAEO][âÂ]|[ñÑöÖïøûüÏØÛÜ]/;
/** Letters outside Latin-1 that only Unicode Vietnamese has: a text with them is Unicode. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

export type LegacyEncoding = 'TCVN3' | 'VNI';

export function legacyEncodingOf(text: string): LegacyEncoding | undefined {
  if (UNICODE_VIETNAMESE.test(text)) return undefined;
  if (TCVN3_SIGNS.test(text)) return 'TCVN3';
  if (VNI_SIGNS.test(text)) return 'VNI';
  return undefined;
}

export function legacyTextProblem(encoding: LegacyEncoding): CellProblem {
  const source = encoding === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI Windows';
  return cellProblem(
    'LEGACY_ENCODING',
    `Chữ được gõ bằng bảng mã cũ ${source}, không phải Unicode, nên không nhập (sẽ thành chữ lỗi). Sửa: sao chép bảng vào Unikey → Công cụ (Ctrl+Shift+F6), chọn nguồn ${source}, đích Unicode, bấm "Chuyển mã", dán lại vào tệp rồi nhập lại.`,
    `The text was typed in the legacy ${source} encoding, not Unicode, so it is not imported (it would become garbled). Fix: convert it with Unikey's Toolkit (Ctrl+Shift+F6) from ${source} to Unicode, paste it back into the file and import again.`,
  );
}
