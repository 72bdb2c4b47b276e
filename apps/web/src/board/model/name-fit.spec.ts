import { estimateText, pickName } from './name-fit';

describe('pickName', () => {
  const measure = (text: string) => text.length * 10;

  it('keeps the full name when it fits, else takes the short name', () => {
    expect(pickName('Smart Astana', 'Astana', 200, '', measure)).toBe('Smart Astana');
    expect(pickName('Городское приложение Smart Astana', 'Smart Astana', 200, '', measure)).toBe('Smart Astana');
  });

  it('keeps the full name when there is no short name (CSS ends it, the title has it all)', () => {
    expect(pickName('Городское приложение Smart Astana', null, 100, '', measure)).toBe('Городское приложение Smart Astana');
    expect(pickName('Городское приложение Smart Astana', undefined, 100, '', measure)).toBe('Городское приложение Smart Astana');
  });

  it('estimates a width from the font size where no canvas exists', () => {
    expect(estimateText('abcd', '600 10px sans-serif')).toBeCloseTo(24);
    expect(estimateText('abcd', '600 20px sans-serif')).toBeGreaterThan(estimateText('abcd', '600 10px sans-serif'));
  });
});
