package io.cairn.server.http;

import java.util.List;

/**
 * Checks a rendered page the way an accessibility review would, in the browser itself: every control has an
 * accessible name, every piece of visible text meets the WCAG AA contrast ratio against the background it is
 * painted on (4.5:1, or 3:1 for large text), and no missing value shows up as "null", "undefined" or "NaN".
 */
final class PageAudit {
  private static final String SCRIPT = """
      const problems = [];
      const accessibleName = (el) => {
        if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(/\\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        if (el.id) {
          const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
          if (label) return label.textContent.trim();
        }
        const wrapping = el.closest('label');
        if (wrapping) return wrapping.textContent.trim();
        if (el.tagName === 'BUTTON') return el.textContent.trim();
        return '';
      };
      for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, [role=listbox]')) {
        if (!accessibleName(el)) problems.push(`no accessible name: ${el.outerHTML.slice(0, 140)}`);
      }
      const channels = (color) => (color.match(/[\\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = channels(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
          if (c.length === 4 && c[3] > 0) return null; // translucent: not judged here
        }
        return [255, 255, 255];
      };
      const visible = (el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, svg')
        && getComputedStyle(el).visibility !== 'hidden';
      let checked = 0;
      for (const el of document.querySelectorAll('body *')) {
        const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
        if (!text || !visible(el)) continue;
        if (/\\b(null|undefined|NaN)|\\[object /.test(text)) problems.push(`a missing value shows as text: "${text.slice(0, 60)}"`);
        const style = getComputedStyle(el);
        const back = background(el);
        if (!back) continue;
        const fore = channels(style.color).slice(0, 3);
        const [a, b] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
        const ratio = (a + 0.05) / (b + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        checked++;
        if (ratio < (large ? 3 : 4.5)) {
          problems.push(`contrast ${ratio.toFixed(2)}:1 for "${text.slice(0, 40)}" (${style.color} on rgb(${back}))`);
        }
      }
      return { problems, checked };
      """;

  private PageAudit() {}

  /** The problems found on the browser's current page; empty when it passes. Fails if it checked no text. */
  @SuppressWarnings("unchecked")
  static List<String> problems(Browser browser) {
    java.util.Map<String, Object> result = (java.util.Map<String, Object>) browser.script(SCRIPT);
    if (((Number) result.get("checked")).intValue() == 0) {
      return List.of("no visible text was checked: the page did not render");
    }
    return (List<String>) result.get("problems");
  }
}
