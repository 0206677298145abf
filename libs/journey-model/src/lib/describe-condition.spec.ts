import type { Condition } from './definition.types';
import { describeCondition } from './describe-condition';

describe('describeCondition', () => {
  it.each<[Condition, string]>([
    [{ field: 'business.legalForm', equals: 'company' }, 'business.legalForm = company'],
    [{ field: 'business.sector', in: ['horeca', 'retail'] }, 'business.sector in [horeca, retail]'],
    [{ not: { field: 'business.legalForm', equals: 'company' } }, 'not (business.legalForm = company)'],
    [{ field: 'business.servesAlcohol', equals: true }, 'business.servesAlcohol = true'],
    [{ field: 'business.startDate', equals: '2025-01-31' }, 'business.startDate = 2025-01-31'],
    [{ field: 'business.previousLicence', exists: true }, 'business.previousLicence is known'],
    [{ field: 'business.previousLicence', exists: false }, 'business.previousLicence is not known'],
    [{ field: 'business.employees', gt: 10 }, 'business.employees > 10'],
    [{ field: 'business.employees', gte: 250 }, 'business.employees >= 250'],
    [{ field: 'business.employees', lt: 50 }, 'business.employees < 50'],
    [{ field: 'business.employees', lte: 2.5 }, 'business.employees <= 2.5'],
  ])('describes %j', (condition, text) => {
    expect(describeCondition(condition)).toBe(text);
  });

  it('quotes strings that could be misread as another value or as several words', () => {
    expect(describeCondition({ field: 'a', in: ['true', '42', '1e3', 'two words', '', 'x,y', 'ok'] })).toBe(
      'a in ["true", "42", "1e3", "two words", "", "x,y", ok]',
    );
  });

  it('puts combined operands of and/or in parentheses', () => {
    const condition: Condition = {
      and: [{ field: 'a', equals: 1 }, { or: [{ field: 'b', equals: 2 }, { not: { field: 'c', exists: true } }] }],
    };
    expect(describeCondition(condition)).toBe('a = 1 and (b = 2 or not (c is known))');
    expect(describeCondition({ not: condition })).toBe('not (a = 1 and (b = 2 or not (c is known)))');
  });
});
