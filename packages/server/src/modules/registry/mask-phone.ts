/**
 * Hides the middle of a phone number: 13812345678 → 138****5678. Short numbers keep only their
 * last two digits. Lists and exports always mask; the full number is shown on request to
 * sysadmins and operators on a person's detail.
 */
export const maskPhone = (phone: string | null): string | null => {
  if (phone === null || phone === '') return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, -8).slice(-3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
};
