// A small, strict XML 1.0 reader for the tests: elements, attributes, text, the five entities and numeric
// references. Enough to prove junit.xml is well-formed and that names round-trip.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`unescaped < or & in ${where}: ${raw}`);
  if (raw.includes(']]>')) throw new Error(`]]> in ${where}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`unknown entity &${ref};`);
    return value;
  });
}

/** Parses a document with an optional XML declaration and one root element. */
export function parseXml(text: string): XmlElement {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text)) throw new Error('character not allowed in XML 1.0');
  let index = 0;
  const rest = () => text.slice(index);
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
  };
  const declaration = /^<\?xml[^?]*\?>/.exec(text);
  if (declaration !== null) index = declaration[0].length;

  const parseElement = (): XmlElement => {
    if (text[index] !== '<') throw new Error(`expected < at ${index}`);
    index += 1;
    const name = NAME.exec(rest())?.[0];
    if (name === undefined) throw new Error(`bad element name at ${index}`);
    index += name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (rest().startsWith('/>')) {
        index += 2;
        return element;
      }
      if (text[index] === '>') {
        index += 1;
        break;
      }
      const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest());
      if (attribute === null) throw new Error(`bad attribute at ${index}: ${rest().slice(0, 40)}`);
      const attributeName = attribute[1] ?? '';
      if (attributeName in element.attributes) throw new Error(`duplicate attribute ${attributeName}`);
      element.attributes[attributeName] = decode(attribute[3] ?? attribute[4] ?? '', `attribute ${attributeName}`);
      index += attribute[0].length;
    }
    for (;;) {
      const textEnd = text.indexOf('<', index);
      if (textEnd < 0) throw new Error(`unclosed <${name}>`);
      element.text += decode(text.slice(index, textEnd), `text of <${name}>`);
      index = textEnd;
      if (rest().startsWith(`</`)) {
        const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest());
        if (close === null || close[1] !== name) throw new Error(`mismatched close for <${name}> at ${index}`);
        index += close[0].length;
        return element;
      }
      element.children.push(parseElement());
    }
  };

  skipSpace();
  const root = parseElement();
  skipSpace();
  if (index !== text.length) throw new Error('content after the root element');
  return root;
}

/** All descendants (depth first) with the given element name. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((child) => findAll(child, name))];
}
