import type { Transporter } from 'nodemailer';
import type { Logger } from './logger';

/** One e-mail: plain text, in French first (the users' language). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends Préjury's e-mails: through SMTP when `PREJURY_SMTP_URL` is set, else to the log. */
export interface Mailer {
  /** Whether mails really leave (SMTP) or only reach the log. */
  readonly transport: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * The mailer for a configuration. With no SMTP server the mail is written to the log, as the reset links
 * were before e-mail existed: a mail carries links and names, never dossier text. A mail that cannot be
 * sent is logged (without its text) and dropped: e-mail is a notice, the in-app list is the record.
 */
export function createMailer(config: { smtpUrl: string | undefined; from: string }, logger: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      transport: 'log',
      async send(mail) {
        logger.info(
          { mail: { to: mail.to, subject: mail.subject, body: mail.text } },
          'e-mail (no SMTP server set)',
        );
      },
      close() {},
    };
  }
  const smtpUrl = config.smtpUrl;
  // nodemailer is loaded with the first mail: a server at rest does not pay for it (issue #17).
  let transporter: Promise<Transporter> | undefined;
  const open = () => {
    transporter ??= import('nodemailer').then(({ createTransport }) =>
      // Timeouts so an unreachable server costs seconds, not the default minutes, in a worker.
      createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    );
    return transporter;
  };
  return {
    transport: 'smtp',
    async send(mail) {
      try {
        await (await open()).sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message }, subject: mail.subject }, 'e-mail not sent');
      }
    },
    close() {
      void transporter?.then((t) => t.close());
    },
  };
}
