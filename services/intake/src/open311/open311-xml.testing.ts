import { create } from 'xmlbuilder2';

/** An XML element read back: its text when it has no child elements, else its children by name (a list when repeated). */
export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] };

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;

function read(node: DomNode): XmlNode {
  const children = Array.from(node.childNodes).filter((child) => child.nodeType === ELEMENT);
  if (children.length === 0) return node.textContent ?? '';
  const out: Record<string, XmlNode | XmlNode[]> = {};
  for (const child of children) {
    const value = read(child);
    const seen = out[child.nodeName];
    out[child.nodeName] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** Tests' reading of an answer: parsed by xmlbuilder2 (so entities come back decoded); the root element by name. */
export function readXml(xml: string): Record<string, XmlNode> {
  const root = create(xml).root().node as unknown as DomNode;
  return { [root.nodeName]: read(root) };
}
