/**
 * Builds DOM nodes. Text only ever goes in as text nodes and attributes through setAttribute,
 * never through innerHTML, so a creator named `<img src=x onerror=alert(1)>` shows as text.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (typeof value === "string") node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child) node.append(child);
  }
  return node;
}

/** The element with this id; the page is built by this script, so a missing one is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing #${id}`);
  return node as T;
}

export function clear(node: Element, ...children: (Child | Child[])[]): void {
  node.replaceChildren(...children.flat().filter((child): child is Node | string => Boolean(child)));
}
