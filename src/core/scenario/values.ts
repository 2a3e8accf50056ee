// Typed access to the values the walker accepted. A missing or rejected value reads as undefined: the walker has
// already said what is wrong with it, so nothing here reports again.
import type { Decoded, DecodedValues, LocatedName } from './decode-scalar';
import type { Template, TemplateValue, ThinkTime } from './model';
import type { Rate } from './rate';
import type { TargetExpression } from './target-expression';
import type { YNode } from './yaml-tree';

/** Reads what the walker accepted, by node and expected type. */
export class AcceptedValues {
  constructor(private readonly decoded: DecodedValues) {}

  private get<T extends Decoded['type']>(node: YNode | undefined, type: T): Extract<Decoded, { type: T }> | undefined {
    const value = node === undefined ? undefined : this.decoded.get(node);
    return value !== undefined && isOfType(value, type) ? value : undefined;
  }

  text(node: YNode | undefined): string | undefined {
    return this.get(node, 'text')?.text;
  }

  template(node: YNode | undefined): { template: Template; names: readonly LocatedName[] } | undefined {
    return this.get(node, 'template');
  }

  duration(node: YNode | undefined): number | undefined {
    return this.get(node, 'duration')?.seconds;
  }

  rate(node: YNode | undefined): Rate | undefined {
    return this.get(node, 'rate')?.rate;
  }

  thinkTime(node: YNode | undefined): ThinkTime | undefined {
    return this.get(node, 'thinkTime')?.thinkTime;
  }

  target(node: YNode | undefined): { target: TargetExpression; expression: string } | undefined {
    return this.get(node, 'target');
  }

  number(node: YNode | undefined): number | undefined {
    return this.get(node, 'number')?.value;
  }

  boolean(node: YNode | undefined): boolean | undefined {
    return this.get(node, 'boolean')?.value;
  }

  json(node: YNode | undefined): { value: TemplateValue; names: readonly LocatedName[] } | undefined {
    return this.get(node, 'json');
  }
}

function isOfType<T extends Decoded['type']>(value: Decoded, type: T): value is Extract<Decoded, { type: T }> {
  return value.type === type;
}
