// Form fields generated from data items (text, number, yes/no, choice, date), with errors that are linked to their
// field (aria-describedby, aria-invalid), listed in an error summary that takes focus, and read out.
import { h, idFor, replace } from './dom.js';
import { lang, t, valueLabel } from './i18n.js';

const MAX_TEXT = 2000;
const RADIO_LIMIT = 8;

/**
 * A field for one data item `{ item, label, type, values }`. `read()` gives `{ value }` or `{ error }` (a message);
 * `showError(message)` marks the field; `focusTarget()` is where the error summary's link leads.
 */
export function dataItemField(spec, { prefix = 'f', hint, required = true } = {}) {
  const id = idFor(prefix, spec.item);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const hintText =
    hint ?? (spec.type === 'number' ? t('form.numberHint') : spec.type === 'date' ? t('form.dateHint') : undefined);
  const hintEl = hintText ? h('p', { class: 'hint', id: hintId }, hintText) : null;
  let described = [];
  let control;
  let element;
  let read;
  let focusTarget;

  const describe = (target) => {
    const ids = [hintEl ? hintId : null, error.hidden ? null : errorId].filter(Boolean);
    if (ids.length > 0) target.setAttribute('aria-describedby', ids.join(' '));
    else target.removeAttribute('aria-describedby');
  };

  const group = (type, options) => {
    const inputs = options.map((option, index) => {
      const optionId = `${id}-${index}`;
      const input = h('input', { type, id: optionId, name: id, value: option.value, class: type });
      return {
        input,
        row: h('div', { class: `choice choice--${type}` }, input, h('label', { for: optionId }, option.label)),
      };
    });
    const fieldset = h(
      'fieldset',
      { class: 'field', id: `${id}-group` },
      h('legend', { class: 'legend' }, spec.label),
      hintEl,
      error,
      h(
        'div',
        { class: 'choices' },
        inputs.map((i) => i.row),
      ),
    );
    described = [fieldset];
    focusTarget = () => inputs.find((i) => i.input.checked)?.input ?? inputs[0].input;
    return { fieldset, inputs };
  };

  switch (spec.type) {
    case 'boolean': {
      const { fieldset, inputs } = group('radio', [
        { value: 'true', label: t('form.yes') },
        { value: 'false', label: t('form.no') },
      ]);
      element = fieldset;
      read = () => {
        const checked = inputs.find((i) => i.input.checked);
        return checked
          ? { value: checked.input.value === 'true' }
          : { error: t('form.errChoose', { label: spec.label }) };
      };
      break;
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (values.length <= RADIO_LIMIT) {
        const { fieldset, inputs } = group(
          'radio',
          values.map((value) => ({ value, label: valueLabel(value) })),
        );
        element = fieldset;
        read = () => {
          const checked = inputs.find((i) => i.input.checked);
          return checked ? { value: checked.input.value } : { error: t('form.errChoose', { label: spec.label }) };
        };
      } else {
        control = h(
          'select',
          { id, name: id, class: 'select' },
          h('option', { value: '' }, t('form.choose')),
          values.map((value) => h('option', { value }, valueLabel(value))),
        );
        element = h(
          'div',
          { class: 'field' },
          h('label', { class: 'label', for: id }, spec.label),
          hintEl,
          error,
          control,
        );
        described = [control];
        focusTarget = () => control;
        read = () => (control.value ? { value: control.value } : { error: t('form.errChoose', { label: spec.label }) });
      }
      break;
    }
    case 'date': {
      const part = (name, size, autocomplete) => {
        const partId = `${id}-${name}`;
        const input = h('input', {
          id: partId,
          name: partId,
          type: 'text',
          inputmode: 'numeric',
          class: `input input--${size}`,
          autocomplete,
          maxlength: name === 'year' ? 4 : 2,
        });
        return {
          input,
          element: h('div', { class: 'date-part' }, h('label', { for: partId }, t(`form.${name}`)), input),
        };
      };
      const day = part('day', 2, 'off');
      const month = part('month', 2, 'off');
      const year = part('year', 4, 'off');
      element = h(
        'fieldset',
        { class: 'field', id: `${id}-group` },
        h('legend', { class: 'legend' }, spec.label),
        hintEl,
        error,
        h('div', { class: 'date-inputs' }, day.element, month.element, year.element),
      );
      described = [element];
      control = day.input;
      focusTarget = () => day.input;
      read = () => {
        const [d, m, y] = [day, month, year].map((p) => p.input.value.trim());
        if (!d && !m && !y) return { error: t('form.errRequired', { label: spec.label }) };
        const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
        const valid =
          /^\d{1,2}$/.test(d) &&
          /^\d{1,2}$/.test(m) &&
          /^\d{4}$/.test(y) &&
          date.getUTCFullYear() === Number(y) &&
          date.getUTCMonth() === Number(m) - 1 &&
          date.getUTCDate() === Number(d);
        return valid ? { value: date.toISOString().slice(0, 10) } : { error: t('form.errDate', { label: spec.label }) };
      };
      break;
    }
    case 'number': {
      control = h('input', {
        id,
        name: id,
        type: 'text',
        inputmode: 'decimal',
        class: 'input input--10',
        autocomplete: 'off',
      });
      element = h(
        'div',
        { class: 'field' },
        h('label', { class: 'label', for: id }, spec.label),
        hintEl,
        error,
        control,
      );
      described = [control];
      focusTarget = () => control;
      read = () => {
        // 45 000 · 45.000 or 12,5 (nl, fr) · 45,000 or 12.5 (en)
        const compact = control.value.replace(/[\s\u00a0\u202f]/g, '');
        const text = lang() === 'en' ? compact.replace(/,/g, '') : compact.replace(/\./g, '').replace(',', '.');
        if (text === '') return { error: t('form.errRequired', { label: spec.label }) };
        const value = Number(text);
        return /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(value)
          ? { value }
          : { error: t('form.errNumber', { label: spec.label }) };
      };
      break;
    }
    default: {
      const long = spec.multiline === true;
      control = long
        ? h('textarea', { id, name: id, class: 'textarea', rows: 4, maxlength: MAX_TEXT })
        : h('input', {
            id,
            name: id,
            type: 'text',
            class: 'input',
            autocomplete: spec.autocomplete ?? 'off',
            maxlength: MAX_TEXT,
            spellcheck: 'false',
          });
      element = h(
        'div',
        { class: 'field' },
        h('label', { class: 'label', for: id }, spec.label),
        hintEl,
        error,
        control,
      );
      described = [control];
      focusTarget = () => control;
      read = () => {
        const value = control.value.trim();
        if (value === '')
          return required ? { error: t('form.errRequired', { label: spec.label }) } : { value: undefined };
        if (value.length > MAX_TEXT) return { error: t('form.errText', { label: spec.label }) };
        return { value };
      };
    }
  }

  for (const target of described) describe(target);
  const invalidTargets = () =>
    control && spec.type !== 'date' ? [control] : [...element.querySelectorAll('input, select, textarea')];

  return {
    item: spec.item,
    element,
    read,
    focusTarget,
    showError(message) {
      replace(error, h('span', { class: 'visually-hidden' }, `${t('form.errorPrefix')} `), message);
      error.hidden = false;
      element.classList.add('field--error');
      for (const target of described) describe(target);
      for (const target of invalidTargets()) target.setAttribute('aria-invalid', 'true');
    },
    clearError() {
      error.hidden = true;
      replace(error);
      element.classList.remove('field--error');
      for (const target of described) describe(target);
      for (const target of invalidTargets()) target.removeAttribute('aria-invalid');
    },
  };
}

/**
 * The error summary at the top of a form: a heading and one link per problem. It is announced (role="alert") and
 * takes focus; its links move focus to the field.
 */
export function errorSummary() {
  const element = h('div', { class: 'error-summary-slot' });
  return {
    element,
    show(problems) {
      const summary = h(
        'div',
        { class: 'error-summary', role: 'alert', tabindex: '-1' },
        h('h2', { class: 'error-summary-title' }, t('form.errorSummary')),
        h(
          'ul',
          { class: 'error-summary-list' },
          problems.map((problem) =>
            problem.target
              ? h(
                  'li',
                  {},
                  h(
                    'a',
                    {
                      href: `#${problem.target.id}`,
                      on: {
                        click: (event) => {
                          event.preventDefault();
                          problem.target.focus();
                          problem.target.scrollIntoView({ block: 'center' });
                        },
                      },
                    },
                    problem.message,
                  ),
                )
              : h('li', {}, problem.message),
          ),
        ),
      );
      replace(element, summary);
      summary.focus();
    },
    clear() {
      replace(element);
    },
  };
}

/**
 * Reads every field; shows the errors (and the summary) when there are any. Gives the values, or null.
 */
export function collect(fields, summary) {
  const values = {};
  const problems = [];
  for (const field of fields) {
    field.clearError();
    const result = field.read();
    if (result.error) {
      field.showError(result.error);
      problems.push({ message: result.error, target: field.focusTarget() });
    } else if (result.value !== undefined) {
      values[field.item] = result.value;
    }
  }
  if (problems.length > 0) {
    summary.show(problems);
    return null;
  }
  summary.clear();
  return values;
}

/** Shows an API error in the summary, on the field it names (`intake.business.iban`) when there is one. */
export function showApiError(fields, summary, error, message) {
  const item = typeof error?.path === 'string' ? error.path.replace(/^[a-z]+\./, '') : undefined;
  const field = item ? fields.find((f) => f.item === item) : undefined;
  if (field) {
    field.showError(message);
    summary.show([{ message, target: field.focusTarget() }]);
  } else {
    summary.show([{ message }]);
  }
}

/** Disables a form's submit button while sending, with a visible and announced "Sending…". */
export async function whileSending(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-disabled', 'true');
  button.textContent = t('form.sending');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-disabled');
    button.textContent = label;
  }
}
