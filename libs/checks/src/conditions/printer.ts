import { Operand, ParsedCondition, PlaceholderOperand } from './ast';
import { isBareWordText } from './tokenizer';

/**
 * Canonical text for a parsed condition (single spaces, strings JSON-quoted). parseCondition of
 * the output gives back an equivalent AST; the fuzz test holds the two to that.
 */
export function printCondition(parsed: Pick<ParsedCondition, 'left' | 'operator' | 'right'>): string {
  return `${printOperand(parsed.left)} ${parsed.operator} ${printOperand(parsed.right)}`;
}

export function printPlaceholder(p: PlaceholderOperand): string {
  let out = `[${p.name}]`;
  for (const segment of p.path) out += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  return out;
}

export function printOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'placeholder':
      return printPlaceholder(operand);
    case 'number':
      return String(operand.value);
    case 'duration':
      return `${operand.amount}${operand.unit}`;
    case 'string':
      return JSON.stringify(operand.value);
    case 'word':
      return operand.value;
    case 'len':
    case 'has':
      return `${operand.kind}(${printOperand(operand.arg)})`;
    case 'pat':
      return `pat(${isBareWordText(operand.pattern) ? operand.pattern : JSON.stringify(operand.pattern)})`;
    case 'any':
      return `any(${operand.values.map(printOperand).join(', ')})`;
  }
}
