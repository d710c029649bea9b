/** Browser-only helpers (kept out of state/, which also runs headless in tests). */

/** Offer a text as a file download (browser) — used by the exports. */
export function download(name: string, data: string | Blob, type = 'text/html'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
