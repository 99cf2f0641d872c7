import { createTransport } from 'nodemailer';
import { readConfig, type Env } from '../config';

// One mail module for invitations, password links and reminders (README "Environment":
// SMTP_URL). Without SMTP_URL nothing is sent and callers show the link or text instead.
export interface Mail {
	to: string;
	subject: string;
	text: string;
}

export interface MailConfig {
	smtpUrl: string;
	from: string;
}

export function readMailConfig(env?: Env): MailConfig | null {
	const config = readConfig(env);
	return config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.mailFrom } : null;
}

export function mailConfigured(env?: Env): boolean {
	return readMailConfig(env) !== null;
}

/** Sends every mail over one connection; false when SMTP_URL is not set. Throws on a refused mail. */
export async function sendMails(mails: Mail[], env?: Env): Promise<boolean> {
	const config = readMailConfig(env);
	if (!config) return false;
	const transport = createTransport(config.smtpUrl);
	try {
		for (const mail of mails) await transport.sendMail({ from: config.from, ...mail });
	} finally {
		transport.close();
	}
	return true;
}
