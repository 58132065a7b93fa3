package io.backorder.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Each check of the policy, fed a rendered overlay with one thing broken, reports exactly that. */
class PolicyChecksRejectBadManifestsTest {

    private static final String INVENTORY = "inventory-service";
    private static final String WHERE = "Deployment/inventory-service container inventory-service";

    @Test
    void probesOffTheHealthEndpointsOrWithoutProbesAreReported() {
        Manifest manifest = dev();
        container(manifest).getReadinessProbe().getHttpGet().setPath("/health");
        assertThat(new ProbeCheck().violations(manifest))
                .containsExactly(WHERE + ": the readiness probe gets /health, not /q/health/ready");

        manifest = dev();
        container(manifest).getStartupProbe().getHttpGet().setPort(new IntOrString(9000));
        assertThat(new ProbeCheck().violations(manifest))
                .containsExactly(WHERE + ": the startup probe's port 9000 is not the container's HTTP port");

        manifest = dev();
        workload(manifest, "postgres").pod().getContainers().get(0).setLivenessProbe(null);
        assertThat(new ProbeCheck().violations(manifest))
                .containsExactly("StatefulSet/postgres container postgres has no liveness probe");
    }

    @Test
    void portsThatDoNotMeetAreReported() {
        Manifest manifest = dev();
        manifest.named(Service.class, INVENTORY)
                .orElseThrow()
                .getSpec()
                .getPorts()
                .get(0)
                .setTargetPort(new IntOrString(8081));
        assertThat(new PortCheck().violations(manifest)).containsExactly(
                "Service/inventory-service port http targets 8081, which Deployment/inventory-service does not expose");

        manifest = dev();
        manifest.named(Service.class, "artemis").orElseThrow().getSpec().setSelector(Map.of("app", "nothing"));
        assertThat(new PortCheck().violations(manifest)).containsExactly("Service/artemis selects no pod");

        manifest = dev();
        manifest.all(Ingress.class)
                .get(0)
                .getSpec()
                .getRules()
                .get(0)
                .getHttp()
                .getPaths()
                .get(0)
                .getBackend()
                .getService()
                .setName("ghost");
        assertThat(new PortCheck().violations(manifest))
                .containsExactly("Ingress/backorder path /orders leads to Service ghost, which does not exist");
    }

    @Test
    void missingConfigurationIsReported() {
        RequiredConfigCheck check = new RequiredConfigCheck(
                Map.of(INVENTORY, RequiredConfig.of(INVENTORY), "notification-service",
                        RequiredConfig.of("notification-service"), "order-service",
                        RequiredConfig.of("order-service")));
        Manifest manifest = dev();
        manifest.all(ConfigMap.class)
                .stream()
                .filter(map -> name(map).startsWith("backorder-common"))
                .forEach(map -> map.getData().remove("AMQP_HOST"));
        assertThat(check.violations(manifest)).containsExactlyInAnyOrder(
                "inventory-service gets no AMQP_HOST (needed because the service has AMQP channels)",
                "notification-service gets no AMQP_HOST (needed because the service has AMQP channels)",
                "order-service gets no AMQP_HOST (needed because the service has AMQP channels)");

        manifest = dev();
        manifest.all(Secret.class)
                .stream()
                .filter(secret -> name(secret).startsWith("notification-service-secrets"))
                .forEach(secret -> secret.getData().clear());
        assertThat(check.violations(manifest)).containsExactly("notification-service gets no "
                + "BACKORDER_NOTIFICATION_LINKS_FORM_SECRET (needed because it is set for dev and test only)");

        manifest = dev();
        container(manifest).getVolumeMounts().removeIf(mount -> mount.getName().equals("jwt"));
        assertThat(check.violations(manifest)).containsExactly("inventory-service reads its token key from "
                + "/deployments/config/jwt/publicKey.pem, where no ConfigMap or Secret key is mounted");

        manifest = prod();
        manifest.all(Secret.class)
                .stream()
                .filter(secret -> name(secret).startsWith("order-service-secrets"))
                .forEach(secret -> secret.getData().clear());
        assertThat(check.violations(manifest)).containsExactly("order-service gets no ORDER_PAYMENT_STRIPE_API_KEY"
                + " (needed because order.payment.provider=stripe)");

        manifest = prod().without(object -> name(object).equals("order-service-db"));
        assertThat(check.violations(manifest)).containsExactlyInAnyOrder(
                "order-service gets no QUARKUS_DATASOURCE_USERNAME (needed because the service has a database)",
                "order-service gets no QUARKUS_DATASOURCE_PASSWORD (needed because the service has a database)");
    }

    @Test
    void requiredConfigurationFollowsFromTheServicesOwnConfiguration() {
        Properties shared = properties("quarkus.datasource.db-kind", "postgresql", "amqp-host", "localhost",
                "mp.messaging.incoming.inbox.connector", "smallrye-amqp", "mp.jwt.verify.issuer", "https://issuer");
        Properties application = properties("quarkus.datasource.reactive.url", "postgresql://localhost:5432/x",
                "shop.base-url", "http://localhost:8084", "shop.remote", "https://example.com",
                "%dev.shop.form-secret", "dev", "%test.shop.form-secret", "test", "%test.shop.poll", "1s",
                "%dev.quarkus.mailer.mock", "false");

        List<RequiredConfig.Requirement> requirements = RequiredConfig.derive(shared, application,
                "<artifactId>quarkus-mailer</artifactId>");

        assertThat(requirements).flatExtracting(RequiredConfig.Requirement::keys)
                .containsExactlyInAnyOrder(
                        "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                        "quarkus.datasource.password", "amqp-host", "amqp-port", "amqp-username", "amqp-password",
                        "mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location", "quarkus.mailer.host",
                        "quarkus.mailer.port", "quarkus.mailer.from", "shop.base-url", "shop.form-secret");
        assertThat(RequiredConfig.environmentName("quarkus.datasource.reactive.url"))
                .isEqualTo("QUARKUS_DATASOURCE_REACTIVE_URL");
    }

    @Test
    void aFieldTheApiDoesNotKnowIsReported() {
        Manifest manifest = Manifest.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels:
                      app: typo
                  template:
                    metadata:
                      labels:
                        app: typo
                    spec:
                      containers:
                        - name: typo
                          image: example/typo:1.0
                          securityContex:
                            readOnlyRootFilesystem: true
                """);

        assertThat(new UnknownFieldCheck().violations(manifest)).containsExactly(
                "Deployment/typo.spec.template.spec.containers[0]: unknown field(s) [securityContex]");
        assertThat(new UnknownFieldCheck().violations(dev())).isEmpty();
    }

    @Test
    void missingLimitsAndRequestsAreReported() {
        Manifest manifest = dev();
        container(manifest).getResources().getLimits().remove("memory");
        container(manifest).getResources().getRequests().put("cpu", new Quantity("2"));
        assertThat(new ResourceCheck().violations(manifest)).containsExactlyInAnyOrder(
                WHERE + " has no memory limit", WHERE + " requests more cpu than its limit");
    }

    @Test
    void privilegesAreReported() {
        Manifest manifest = dev();
        var context = container(manifest).getSecurityContext();
        context.setReadOnlyRootFilesystem(false);
        context.setAllowPrivilegeEscalation(true);
        context.getCapabilities().setDrop(List.of());
        context.setRunAsNonRoot(null);
        workload(manifest, INVENTORY).pod().getSecurityContext().setRunAsNonRoot(null);
        workload(manifest, INVENTORY).pod().getSecurityContext().setSeccompProfile(null);
        workload(manifest, INVENTORY).pod().setAutomountServiceAccountToken(null);
        manifest.all(io.fabric8.kubernetes.api.model.ServiceAccount.class)
                .forEach(account -> account.setAutomountServiceAccountToken(true));

        assertThat(new SecurityContextCheck().violations(manifest)).containsExactlyInAnyOrder(
                "Deployment/inventory-service mounts a service account token",
                WHERE + " may run as root (runAsNonRoot is not true)", WHERE + " has a writable root file system",
                WHERE + " allows privilege escalation", WHERE + " does not drop all capabilities",
                WHERE + " has no RuntimeDefault seccomp profile");
    }

    @Test
    void imagesWithoutTagOrWithLatestAreReported() {
        Manifest manifest = dev();
        container(manifest).setImage("docker.io/backorder/inventory-service");
        workload(manifest, "artemis").pod().getContainers().get(0).setImage("docker.io/apache/activemq-artemis:latest");
        assertThat(new ImageCheck().violations(manifest)).containsExactlyInAnyOrder(
                WHERE + " uses docker.io/backorder/inventory-service: pin a tag or digest",
                "StatefulSet/artemis container artemis uses docker.io/apache/activemq-artemis:latest: pin a tag or"
                        + " digest");

        manifest = prod();
        spec(manifest.custom(Manifest.CNPG, "Cluster").get(0)).remove("imageName");
        assertThat(new ImageCheck().violations(manifest)).hasSize(1)
                .allSatisfy(violation -> assertThat(violation).contains("names no image"));
    }

    @Test
    void servicesWithoutAutoscalerBudgetOrSafeRolloutAreReported() {
        Manifest manifest = dev().without(object -> object instanceof HorizontalPodAutoscaler
                || object instanceof PodDisruptionBudget && name(object).equals(INVENTORY));
        ((Deployment) workload(manifest, INVENTORY).owner()).getSpec()
                .getStrategy()
                .getRollingUpdate()
                .setMaxUnavailable(new IntOrString("25%"));
        assertThat(new AvailabilityCheck().violations(manifest))
                .contains("Deployment/inventory-service has no HorizontalPodAutoscaler",
                        "Deployment/inventory-service has no PodDisruptionBudget",
                        "Deployment/inventory-service may lose capacity during a rollout (maxUnavailable is not 0)");

        manifest = prod();
        ((Deployment) workload(manifest, INVENTORY).owner()).getSpec().setReplicas(3);
        assertThat(new AvailabilityCheck().violations(manifest)).containsExactly("Deployment/inventory-service sets"
                + " replicas although its autoscaler scales it: every apply would reset the scale");
    }

    @Test
    void missingOrWrongNetworkPoliciesAreReported() {
        Manifest manifest = dev().without(object -> object instanceof NetworkPolicy
                && List.of("default-deny", "allow-dns", INVENTORY, "postgres").contains(name(object)));
        assertThat(new NetworkPolicyCheck().violations(manifest)).containsExactlyInAnyOrder(
                "no default-deny NetworkPolicy (empty pod selector, Ingress and Egress, no rules)",
                "no NetworkPolicy lets every pod resolve names (UDP 53)",
                "Service/postgres port postgres: no NetworkPolicy lets anything reach StatefulSet/postgres on postgres",
                "Deployment/inventory-service: no NetworkPolicy lets it reach port 5432 (its database)",
                "Deployment/inventory-service: no NetworkPolicy lets it reach port 5672 (the broker)");

        manifest = dev();
        NetworkPolicy scrape = manifest.named(NetworkPolicy.class, "allow-prometheus-scrape").orElseThrow();
        NetworkPolicyIngressRule rule = scrape.getSpec().getIngress().get(0);
        rule.setPorts(List.of(new NetworkPolicyPort(null, new IntOrString(80), "TCP")));
        assertThat(new NetworkPolicyCheck().violations(manifest))
                .contains("NetworkPolicy/allow-prometheus-scrape opens port 80 of Deployment/inventory-service, which"
                        + " has no such port");
    }

    @Test
    void credentialsOutsideSecretsAreReported() {
        Manifest manifest = dev();
        container(manifest).getEnv().add(new EnvVar("AMQP_PASSWORD", "hunter2", null));
        manifest.all(ConfigMap.class).get(0).getData().put("DB_PASSWORD", "hunter2");
        assertThat(new SecretValueCheck().violations(manifest)).containsExactlyInAnyOrder(
                WHERE + " sets AMQP_PASSWORD to a literal value: take it from a Secret",
                "ConfigMap/" + name(manifest.all(ConfigMap.class).get(0)) + " holds DB_PASSWORD: put it in a Secret");
    }

    @Test
    void routesToInternalEndpointsOrWithoutTlsAndLimitsAreReported() {
        GatewayCheck check = new GatewayCheck(Map.of(INVENTORY, Set.of("quotes", "skus", "stock")));
        Manifest manifest = dev();
        Ingress ingress = manifest.all(Ingress.class).get(0);
        var paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        paths.stream().filter(path -> path.getPath().equals("/quotes")).forEach(path -> path.setPath("/q"));
        paths.stream().filter(path -> path.getPath().equals("/skus")).forEach(path -> path.setPath("/operator"));
        paths.stream()
                .filter(path -> path.getPath().equals("/supplier"))
                .forEach(path -> path.getBackend().getService().setName("artemis"));
        ingress.getSpec().setTls(List.of());
        ingress.getMetadata().getAnnotations().remove(GatewayCheck.INGRESS_BODY_LIMIT);
        assertThat(check.violations(manifest)).containsExactlyInAnyOrder(
                "Ingress/backorder sets no request body limit (" + GatewayCheck.INGRESS_BODY_LIMIT + ")",
                "Ingress/backorder serves backorder.localtest.me without TLS",
                "Ingress/backorder routes /q to inventory-service: that exposes internal endpoints",
                "Ingress/backorder routes /operator to inventory-service, which serves nothing under /operator",
                "Ingress/backorder makes artemis public");

        manifest = prod().without(object -> object.getKind().equals("BackendTrafficPolicy"));
        HTTPRoute redirect = manifest.named(HTTPRoute.class, "backorder-https-redirect").orElseThrow();
        redirect.getSpec()
                .getRules()
                .get(0)
                .setBackendRefs(List.of(new HTTPBackendRef(null, null, null,
                        INVENTORY, null, 80, null)));
        assertThat(check.violations(manifest)).containsExactlyInAnyOrder(
                "Gateway/backorder has no request body limit (BackendTrafficPolicy requestBuffer.limit)",
                "HTTPRoute/backorder-https-redirect serves plain HTTP on Gateway/backorder instead of redirecting to"
                        + " HTTPS",
                "HTTPRoute/backorder-https-redirect routes / to inventory-service: that exposes internal endpoints");
    }

    @Test
    void databasesAServiceCannotReachAreReported() {
        Manifest manifest = dev();
        workload(manifest, "postgres").podLabels().remove("db.backorder.io/inventory-service");
        assertThat(new DatabaseCheck().violations(manifest)).containsExactly("Deployment/inventory-service database"
                + " postgres/inventory: the pods behind Service postgres lack the label db.backorder.io/inventory-service");

        manifest = prod();
        GenericKubernetesResource cluster = manifest.custom(Manifest.CNPG, "Cluster")
                .stream()
                .filter(candidate -> name(candidate).equals("inventory-service-db"))
                .findFirst()
                .orElseThrow();
        ((Map<?, ?>) ((Map<?, ?>) spec(cluster).get("inheritedMetadata")).get("labels")).clear();
        ((Map<String, Object>) ((Map<?, ?>) spec(cluster).get("bootstrap")).get("initdb")).put("database", "stock");
        assertThat(new DatabaseCheck().violations(manifest)).containsExactlyInAnyOrder(
                "Deployment/inventory-service database inventory-service-db-rw/inventory: cluster inventory-service-db"
                        + " does not give its pods db.backorder.io/inventory-service",
                "Deployment/inventory-service database inventory-service-db-rw/inventory: cluster inventory-service-db"
                        + " creates database stock (owner inventory)");

        manifest = prod().without(object -> name(object).equals("inventory-service-db"));
        assertThat(new DatabaseCheck().violations(manifest)).containsExactly("Deployment/inventory-service database"
                + " inventory-service-db-rw/inventory: inventory-service-db-rw is neither a Service nor a CloudNativePG"
                + " cluster here");
    }

    @Test
    void committedCredentialsAreReported(@TempDir Path deploy) throws IOException {
        Files.writeString(deploy.resolve(".gitignore"), "secrets/*\n!secrets/*.example\n");
        Files.createDirectories(deploy.resolve("secrets"));
        Files.writeString(deploy.resolve("secrets/amqp.env.example"),
                "AMQP_USERNAME=backorder\nAMQP_PASSWORD=s3cr3t\n");
        Files.writeString(deploy.resolve("secrets/amqp.env"), "AMQP_PASSWORD=real\n");
        Files.writeString(deploy.resolve("kustomization.yaml"), """
                secretGenerator:
                  - name: amqp
                    envs:
                      - secrets/amqp.env
                  - name: inline
                    literals:
                      - PASSWORD=s3cr3t
                  - name: committed
                    envs:
                      - committed.env
                """);
        Files.writeString(deploy.resolve("committed.env"), "TOKEN=abc\n");
        Files.writeString(deploy.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: leaked
                stringData:
                  password: s3cr3t
                """);
        Files.writeString(deploy.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n");

        assertThat(CommittedSecrets.violations(deploy)).containsExactlyInAnyOrder(
                "secrets/amqp.env.example gives AMQP_PASSWORD a value: use change-me",
                "kustomization.yaml secretGenerator inline has literal values",
                "kustomization.yaml secretGenerator committed reads committed.env, which deploy/.gitignore does not"
                        + " keep out",
                "kustomization.yaml secretGenerator committed reads committed.env, which has no committed .example",
                "committed.env is committed: credentials files belong in deploy/.gitignore",
                "secret.yaml holds a Secret's data", "key.pem holds a private key");
    }

    private static Manifest dev() {
        return Manifest.parse(Overlays.rendered("dev").yaml());
    }

    private static Manifest prod() {
        return Manifest.parse(Overlays.rendered("prod").yaml());
    }

    private static Manifest.Workload workload(Manifest manifest, String name) {
        return manifest.workloads()
                .stream()
                .filter(workload -> workload.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Container container(Manifest manifest) {
        return workload(manifest, INVENTORY).pod().getContainers().get(0);
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata object) {
        return object.getMetadata().getName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
