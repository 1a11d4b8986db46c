// An accessible type-ahead (the ARIA 1.2 combobox with a listbox popup) and a field of chosen items built on it.
// Keys: type to search, Down/Up to move through suggestions, Enter to choose, Escape to close.

import { h } from './dom.js';
import { timings } from './timings.js';

let counter = 0;

export class Combobox {
  /**
   * @param id the input's id
   * @param label its visible label
   * @param search async (text, signal) => [{id, label, hint}]
   * @param onChoose called with the chosen item
   */
  constructor({ id, label, hint, search, onChoose, minChars = 2 }) {
    this.search = search;
    this.onChoose = onChoose;
    this.minChars = minChars;
    this.items = [];
    this.active = -1;
    this.pending = null;
    const listId = `${id}-list`;
    const hintId = `${id}-hint`;
    this.input = h('input', {
      id, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
      'aria-describedby': hint ? hintId : null,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'options', hidden: true, 'aria-label': label });
    this.status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.element = h('div', { class: 'combobox' },
      h('label', { for: id }, label),
      hint ? h('span', { id: hintId, class: 'hint' }, hint) : null,
      h('div', { class: 'combobox-box' }, this.input, this.list),
      this.status);
    this.input.addEventListener('input', () => this.lookUp());
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  async lookUp() {
    const text = this.input.value.trim();
    this.pending?.abort();
    if (text.length < this.minChars) {
      this.close();
      return;
    }
    const controller = new AbortController();
    this.pending = controller;
    const started = performance.now();
    let items;
    try {
      items = await this.search(text, controller.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.show(text, [], `Search failed: ${e.detail ?? e.message}`);
      return;
    }
    if (controller.signal.aborted) return;
    this.show(text, items, items.length ? `${items.length} suggestions; use the arrow keys to choose`
      : (items.note ?? 'No matches'));
    timings.typeahead.push({ field: this.input.id, query: text, ms: Math.round(performance.now() - started) });
  }

  show(query, items, message) {
    this.items = items;
    this.active = -1;
    this.list.dataset.query = query; // which text these suggestions answer (tests wait for their own)
    this.list.replaceChildren(...items.map((item, i) => h('li', {
      id: `${this.input.id}-option-${++counter}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(),
      onclick: () => this.choose(i),
    }, h('span', { class: 'option-label' }, item.label), item.hint ? h('span', { class: 'option-hint' }, item.hint) : null)));
    if (items.length === 0) {
      this.list.append(h('li', { class: 'option-none', 'aria-disabled': 'true' }, message));
    }
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.input.removeAttribute('aria-activedescendant');
    this.status.textContent = message;
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  move(delta) {
    if (this.items.length === 0) return;
    if (this.list.hidden) this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.active = (this.active + delta + this.items.length) % this.items.length;
    [...this.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    const option = this.list.children[this.active];
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  key(e) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        this.move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        this.move(-1);
        break;
      case 'Enter':
        if (!this.list.hidden && this.active >= 0) {
          e.preventDefault();
          this.choose(this.active);
        } else if (this.input.value.trim()) {
          e.preventDefault(); // typed text alone is not a choice; do not submit the form with it
        }
        break;
      case 'Escape':
        if (!this.list.hidden) {
          e.preventDefault();
          this.close();
        } else {
          this.input.value = '';
        }
        break;
      default:
    }
  }

  choose(i) {
    const item = this.items[i];
    if (!item) return;
    this.close();
    this.input.value = '';
    this.status.textContent = `${item.label} added`;
    this.onChoose(item);
  }
}

/**
 * Chosen items (as hidden inputs named `name`, so a GET form carries them into the URL) with a combobox to add more
 * and a button to remove each. With single: true, choosing replaces the item.
 */
export class ChoiceField {
  constructor({ id, name, label, hint, search, initial = [], single = false }) {
    this.name = name;
    this.single = single;
    this.chips = h('ul', { class: 'chips', 'aria-label': `${label}: chosen` });
    this.combobox = new Combobox({ id, label, hint, search, onChoose: (item) => this.add(item) });
    this.element = h('div', { class: 'choice-field' }, this.combobox.element, this.chips);
    initial.forEach((item) => this.add(item, false));
  }

  values() {
    return [...this.chips.querySelectorAll('input')].map((i) => i.value);
  }

  add(item, announce = true) {
    if (this.values().includes(item.id)) return;
    if (this.single) this.chips.replaceChildren();
    const remove = h('button', {
      type: 'button', class: 'chip-remove', 'aria-label': `Remove ${item.label}`,
      onclick: () => {
        chip.remove();
        this.combobox.status.textContent = `${item.label} removed`;
        this.combobox.input.focus();
      },
    }, '×');
    const chip = h('li', { class: item.unknown ? 'chip chip-unknown' : 'chip' },
      h('span', {}, item.label), item.unknown ? h('span', { class: 'visually-hidden' }, ' (not in the catalog)') : null,
      remove, h('input', { type: 'hidden', name: this.name, value: item.id }));
    this.chips.append(chip);
    if (announce) this.combobox.input.focus();
  }
}
