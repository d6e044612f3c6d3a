/**
 * The tag being read by the streaming scanner (scan-tags.ts): where its key, type and value are
 * in the payload bytes. One shared record, overwritten for every tag, so reading a million tags
 * allocates nothing.
 */
import { stringOf } from './json-text';

export const T_CODE_STRING = 1;
export const T_CODE_BOOL = 2;
export const T_CODE_INT64 = 3;
export const T_CODE_FLOAT64 = 4;
export const T_CODE_BINARY = 5;

export const tag = {
  /** The key token, quotes included, and its `stringFlags`. */
  keyFrom: 0,
  keyTo: 0,
  keyFlags: 0,
  /** One of the `T_CODE_*`. */
  typeCode: 0,
  /** The value token and its JSON kind (`KIND_*` of json-bytes.ts). */
  valueFrom: 0,
  valueTo: 0,
  valueKindCode: 0,
  valueFlags: 0,
  valueIsNonInteger: false,
};

export const currentKey = (b: Uint8Array) => stringOf(b, tag.keyFrom, tag.keyTo, tag.keyFlags);
export const currentString = (b: Uint8Array) =>
  stringOf(b, tag.valueFrom, tag.valueTo, tag.valueFlags);
