import { describe, expect, it } from 'vitest';
import type { UnitRecord } from '../../../server/dataset/unit-record';
import { UnitSearch } from '../../../server/dataset/unit-search';

function unit(code: string, name: string, type: string, level: UnitRecord['level'] = 'commune'): UnitRecord {
  return {
    code,
    name,
    type,
    level,
    district_code: level === 'commune' ? '249' : null,
    district_name: level === 'commune' ? 'Bình Xuyên' : null,
    population: 1,
    households: 1,
    area_km2: 1,
    bbox: [105, 21, 105.1, 21.1],
    centroid: [105.05, 21.05],
  };
}

const index = new UnitSearch([
  unit('249', 'Bình Xuyên', 'Huyện', 'district'),
  unit('08944', 'Bá Hiến', 'Xã'),
  unit('08962', 'Đạo Đức', 'Xã'),
  unit('08950', 'Hương Canh', 'Thị trấn'),
  unit('09001', 'Thiện Kế', 'Xã'),
]);

describe('unit search', () => {
  it.each(['ba hien', 'BAHIEN', 'Ba Hien', 'Bá Hiến', '  bá   hiến '])('finds Bá Hiến from %j', (q) => {
    expect(index.search(q, 5)[0]?.name).toBe('Bá Hiến');
  });

  it('matches "d" with "đ"', () => {
    expect(index.search('dao duc', 5)[0]?.code).toBe('08962');
  });

  it('accepts the unit type in front, written out or abbreviated', () => {
    expect(index.search('xa ba hien', 5)[0]?.code).toBe('08944');
    expect(index.search('tt huong canh', 5)[0]?.code).toBe('08950');
  });

  it('ranks a prefix match above a match in the middle of a name', () => {
    const hits = index.search('hien', 5).map((h) => h.name);
    expect(hits).toEqual(['Bá Hiến', 'Thiện Kế']);
    expect(index.search('b', 5)[0]?.name).toBe('Bình Xuyên');
  });

  it('returns nothing for punctuation-only or unknown text', () => {
    expect(index.search("' OR 1=1 --", 5).map((h) => h.name)).toEqual([]);
    expect(index.search('hanoi', 5)).toEqual([]);
  });
});
