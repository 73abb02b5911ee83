import { hash, verify } from '@node-rs/argon2';
import type { SecuritySettings } from '../config';
import type { FieldError } from '../errors';

// argon2id (the library's default algorithm) with OWASP's minimum memory cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = async (stored: string, password: string) => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

/** 等保: length and at least three of four character classes; not the username. */
export const checkPasswordRules = (
  password: string,
  username: string,
  rules: Pick<SecuritySettings, 'passwordMinLength'>,
  path = 'password',
): FieldError[] => {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const errors: FieldError[] = [];
  if (password.length < rules.passwordMinLength)
    errors.push({
      path,
      message: {
        zh: `密码长度不能少于 ${rules.passwordMinLength} 位`,
        en: `Password must have at least ${rules.passwordMinLength} characters`,
      },
    });
  if (classes < 3)
    errors.push({
      path,
      message: {
        zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
        en: 'Password needs three of: upper case, lower case, digits, symbols',
      },
    });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    errors.push({
      path,
      message: { zh: '密码不能包含用户名', en: 'Password must not contain the username' },
    });
  return errors;
};
