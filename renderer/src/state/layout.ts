/** Layout computations of the workbench shell, DOM-free (tested headless in e2e/layout-store.test.ts). */
import type { Tab } from './store.js';

/**
 * Which tabs fit in `width` (pixels) given each tab's width and the More button's: all when they all fit, else a
 * prefix in order that leaves room for More, with the active tab swapped in for the last ones if it is not in it.
 * Pure, so the choice is testable without a browser.
 */
export function fitTabs(tabs: readonly Tab[], widths: Readonly<Record<string, number>>, width: number, more: number, active: Tab): Tab[] {
  const w = (t: Tab): number => widths[t] ?? 0;
  if (tabs.reduce((n, t) => n + w(t), 0) <= width) return [...tabs];
  const room = width - more;
  const shown: Tab[] = [];
  let used = 0;
  for (const t of tabs) {
    if (used + w(t) > room) break;
    shown.push(t);
    used += w(t);
  }
  if (!shown.includes(active)) {
    while (shown.length > 0 && used + w(active) > room) used -= w(shown.pop()!);
    shown.push(active);
  }
  return tabs.filter((t) => shown.includes(t));
}
