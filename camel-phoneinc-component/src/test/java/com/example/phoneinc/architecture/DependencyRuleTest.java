package com.example.phoneinc.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of docs/architecture.md, checked on the compiled classes: arrows point down
 * only — Camel face → producer/consumer/errorhandling → client → client.auth → client.http →
 * api/api.model/auth — and no package is in a loop. {@code PhoneIncConstants} (header names, no
 * imports of ours) is the one face class the producer and consumers may name.
 */
class DependencyRuleTest {

    private static final String ROOT = "com.example.phoneinc";

    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(ROOT);

    private static DescribedPredicate<JavaClass> in(String pkg) {
        return DescribedPredicate.describe(
                "in " + pkg, c -> c.getPackageName().equals(pkg) && !isConstants(c));
    }

    private static boolean isConstants(JavaClass c) {
        return c.getName().equals(ROOT + ".PhoneIncConstants");
    }

    @Test
    void arrowsPointDownOnly() {
        ArchRule rule =
                layeredArchitecture()
                        .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                        .withOptionalLayers(true)
                        .layer("Face")
                        .definedBy(in(ROOT))
                        .layer("Headers")
                        .definedBy(
                                DescribedPredicate.describe(
                                        "PhoneIncConstants", DependencyRuleTest::isConstants))
                        .layer("Producer")
                        .definedBy(ROOT + ".producer..")
                        .layer("Consumer")
                        .definedBy(ROOT + ".consumer..")
                        .layer("ErrorHandling")
                        .definedBy(ROOT + ".errorhandling..")
                        .layer("Client")
                        .definedBy(in(ROOT + ".client"))
                        .layer("ClientAuth")
                        .definedBy(ROOT + ".client.auth..")
                        .layer("ClientHttp")
                        .definedBy(ROOT + ".client.http..")
                        .layer("Api")
                        .definedBy(ROOT + ".api")
                        .layer("Model")
                        .definedBy(ROOT + ".api.model..")
                        .layer("AuthSpi")
                        .definedBy(ROOT + ".auth..")
                        .whereLayer("Face")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("Producer")
                        .mayOnlyBeAccessedByLayers("Face")
                        .whereLayer("Consumer")
                        .mayOnlyBeAccessedByLayers("Face")
                        .whereLayer("ErrorHandling")
                        .mayOnlyBeAccessedByLayers("Face")
                        .whereLayer("Headers")
                        .mayOnlyBeAccessedByLayers("Face", "Producer", "Consumer")
                        .whereLayer("Client")
                        .mayOnlyBeAccessedByLayers("Face", "Producer", "Consumer")
                        .whereLayer("ClientAuth")
                        .mayOnlyBeAccessedByLayers("Face", "Producer", "Consumer", "Client")
                        .whereLayer("ClientHttp")
                        .mayOnlyBeAccessedByLayers(
                                "Face", "Producer", "Consumer", "Client", "ClientAuth")
                        .whereLayer("Api")
                        .mayOnlyBeAccessedByLayers(
                                "Face",
                                "Producer",
                                "Consumer",
                                "ErrorHandling",
                                "Client",
                                "ClientAuth",
                                "ClientHttp",
                                "Model",
                                "AuthSpi")
                        .whereLayer("AuthSpi")
                        .mayOnlyBeAccessedByLayers(
                                "Face", "Producer", "Consumer", "Client", "ClientAuth");
        rule.check(CLASSES);
    }

    @Test
    void noPackageIsInALoop() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theClientKnowsNoExchange() {
        ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage(ROOT + ".client..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.camel.Exchange")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.camel.Message")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.camel.AsyncCallback")
                .check(CLASSES);
    }

    @Test
    void publicContractsImportNothingInternal() {
        ArchRuleDefinition.noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".api..", ROOT + ".auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".client..",
                        ROOT + ".producer..",
                        ROOT + ".consumer..",
                        ROOT + ".errorhandling..")
                .check(CLASSES);
    }
}
