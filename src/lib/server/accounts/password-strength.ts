import { checkPasswordStrength, MIN_PASSWORD_LENGTH } from '../../domain/auth/password-policy';
import { refuseFields, refusalText, type Refusal } from '../service-result';

// The password policy's problems in the reader's language: the one wording for every form that
// sets a password (a new account, the office's reset, /akun, a set-password link).

/** What is wrong with a new password, worded; null when the policy accepts it. */
export function passwordProblemText(password: string, email: string): string | null {
	const problem = checkPasswordStrength(password, email);
	if (problem === null) return null;
	return problem === 'too_short'
		? refusalText('srv_password_too_short', { min: MIN_PASSWORD_LENGTH })
		: refusalText('srv_password_too_common');
}

/** A weak password refused on its form field; null when the policy accepts it. */
export function refuseWeakPassword(password: string, email: string, field: string): Refusal | null {
	const problem = passwordProblemText(password, email);
	return problem === null ? null : refuseFields(400, { [field]: problem });
}
