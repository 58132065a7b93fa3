package io.backorder.testing;

import java.util.Map;

import io.backorder.infra.MailCatcher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) for the mailer; test fields annotated with {@link InjectMail} receive it. */
public class MailResource implements QuarkusTestResourceLifecycleManager {

    private MailCatcher mail;

    @Override
    public Map<String, String> start() {
        mail = MailCatcher.start();
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.smtpPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(mail, new TestInjector.AnnotatedAndMatchesType(InjectMail.class,
                MailCatcher.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.close();
        }
    }
}
