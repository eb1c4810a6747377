/** Dutch BSN "11-test" (elfproef); 8-digit numbers are BSNs that lost their leading zero. */
export function isValidBsn(digits: string): boolean {
  const d = digits.length === 8 ? `0${digits}` : digits;
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/**
 * Belgian rijksregisternummer: the last two digits are 97 minus the first nine mod 97;
 * for people born from 2000 on, a 2 is put in front of the nine digits first.
 */
export function isValidRrn(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const check = Number(digits.slice(9));
  const base = BigInt(digits.slice(0, 9));
  const before2000 = 97 - Number(base % 97n);
  const from2000 = 97 - Number((2000000000n + base) % 97n);
  return check === before2000 || check === from2000;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}
