/** Request errors read in the UI's language: by code, by the right half of a bilingual sentence, never English in Vietnamese. */
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../web/src/api/client';
import { translator } from '../../../web/src/i18n/i18n';
import { errorText } from '../../../web/src/panels/errorText';

const vi = translator('vi');
const en = translator('en');

describe('errorText', () => {
  it('given reporting_calendar with a suggestion, then it names the whole years to ask for, day-first, in each language', () => {
    const error = new ApiRequestError(403, 'reporting_calendar', 'Tip and outcome-event figures are published … only', {
      suggestion: { from: '2020-01-01', to: '2020-12-31' },
    });
    expect(errorText(error, vi)).toBe('Số tin báo và vụ việc chỉ được công bố cho tài khoản của bạn theo trọn năm dương lịch; hãy chọn 01/01/2020 – 31/12/2020.');
    expect(errorText(error, en)).toContain('whole calendar years only; choose 1 Jan 2020 – 31 Dec 2020');
  });

  it('given a bilingual server sentence, then each language gets its own half', () => {
    const error = new ApiRequestError(503, 'audit_unavailable', 'Không ghi được nhật ký. / The audit log cannot be written.');
    expect(errorText(error, vi)).toBe('Đã có lỗi: Không ghi được nhật ký.');
    expect(errorText(error, en)).toBe('Something went wrong: The audit log cannot be written.');
  });

  it('given an English-only sentence of an unknown code, then Vietnamese readers get a Vietnamese sentence with the code', () => {
    const error = new ApiRequestError(400, 'something_new', 'Invalid request: something.');
    expect(errorText(error, vi)).toBe('Máy chủ từ chối yêu cầu (mã lỗi: something_new).');
    expect(errorText(error, en)).toBe('Something went wrong: Invalid request: something.');
  });

  it('given a known code, then our sentence, not the server English', () => {
    expect(errorText(new ApiRequestError(404, 'unknown_unit', 'There is no unit with code 99999 in the 2019 units.'), vi)).toBe('Không có đơn vị hành chính với mã này.');
    expect(errorText(new ApiRequestError(0, 'network', 'Failed to fetch'), vi)).toBe('Không kết nối được máy chủ.');
  });
});
