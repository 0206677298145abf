import { PassageError } from '@passage/contracts';
import { isIsoDate, type DataValue, type LifeEventDefinition } from '@passage/journey-model';

/**
 * Checks answers against the definition's data items: each must be allowed here and have the item's type (a real
 * calendar date for dates, one of the values for enums). The first problem is reported with its path.
 */
export function checkDataItems(
  definition: LifeEventDefinition,
  values: Readonly<Record<string, DataValue>>,
  path: string,
  allowed: ReadonlySet<string>,
): Record<string, DataValue> {
  for (const [item, value] of Object.entries(values)) {
    const spec = definition.dataItems[item];
    const at = `${path}.${item}`;
    if (!spec || !allowed.has(item))
      throw new PassageError('invalid-data-item', `${item} is not asked in ${definition.id}`, at);
    switch (spec.type) {
      case 'string':
        if (typeof value !== 'string' || value.trim() === '')
          throw new PassageError('invalid-data-item', `${item} must be a non-empty text`, at);
        break;
      case 'number':
        if (typeof value !== 'number') throw new PassageError('invalid-data-item', `${item} must be a number`, at);
        break;
      case 'boolean':
        if (typeof value !== 'boolean')
          throw new PassageError('invalid-data-item', `${item} must be true or false`, at);
        break;
      case 'date':
        if (!isIsoDate(value))
          throw new PassageError('invalid-data-item', `${item} must be a date written as YYYY-MM-DD`, at);
        break;
      case 'enum':
        if (typeof value !== 'string' || !spec.values?.includes(value)) {
          throw new PassageError('invalid-data-item', `${item} must be one of ${(spec.values ?? []).join(', ')}`, at);
        }
        break;
    }
  }
  return { ...values };
}
