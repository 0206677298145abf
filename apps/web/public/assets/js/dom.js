// A tiny helper to build DOM nodes without innerHTML: text is always text, never markup.

/**
 * h('a', { href: '/x', class: 'link', on: { click: fn } }, 'text', child, [more, children])
 * Attributes: `true` sets an empty attribute, `false`/`null`/`undefined` leaves it out; `value`, `checked`,
 * `selected` and `disabled` are set as properties too.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'on') {
      for (const [event, listener] of Object.entries(value)) element.addEventListener(event, listener);
    } else if (name === 'value') {
      element.value = value;
    } else if (name === 'checked' || name === 'selected') {
      element[name] = Boolean(value);
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let counter = 0;
/** A unique, valid id for this page: `prefix-N`. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A safe element id from a data item name such as `business.iban`. */
export function idFor(prefix, item) {
  return `${prefix}-${item.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The heading a page starts with; focusable by script so focus can land on it after navigation. */
export function pageHeading(text) {
  return h('h1', { tabindex: '-1', id: 'page-title' }, text);
}
