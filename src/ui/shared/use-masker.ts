/**
 * The one place the detail panel learns whether to mask: components take the masker from here
 * and run every piece of trace text they show or copy through it. With the switch off the
 * masker is the identity, so nothing is scanned.
 */
import { useMemo } from 'react';
import { maskAttributes, maskSensitive, type TextMasker } from '../../model/mask';
import type { Attribute } from '../../model/trace';
import { selectMaskInPanel, selectMaskedKeys, usePrivacy } from '../../state/privacy';

const identity: TextMasker = (text) => text;

/** string → string: masked text while "mask sensitive values" is on, else the text unchanged. */
export function useMasker(): TextMasker {
  const isMasking = usePrivacy(selectMaskInPanel);
  const maskedKeys = usePrivacy(selectMaskedKeys);
  return useMemo(
    () => (isMasking ? (text: string) => maskSensitive(text, { maskedKeys }) : identity),
    [isMasking, maskedKeys],
  );
}

/**
 * The attributes as the panel shows them: with masking on, values under the user's masked keys
 * are replaced whole and other values have their sensitive parts masked (see maskAttributes).
 */
export function useMaskedAttributes(attributes: readonly Attribute[]): readonly Attribute[] {
  const isMasking = usePrivacy(selectMaskInPanel);
  const maskedKeys = usePrivacy(selectMaskedKeys);
  return useMemo(
    () => (isMasking ? maskAttributes(attributes, { maskedKeys }) : attributes),
    [attributes, isMasking, maskedKeys],
  );
}
