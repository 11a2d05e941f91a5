/** The one HTML escaper: every piece of user text shown in an email, the sidebar or the workbench goes through it. */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
