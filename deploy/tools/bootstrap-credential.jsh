// Prints a new bootstrap SUPERUSER credential in the project's format (contract §2), as "key=value" lines for
//   kubectl create secret generic onecloud-bootstrap --from-env-file=<file>
// Usage (repository root, after ./mvnw -B -q -pl api-edge compile):
//   jshell --class-path api-edge/target/classes deploy/tools/bootstrap-credential.jsh > bootstrap.env
// The token and secret exist only in that file and, once created, in the Secret: keep the file out of Git and delete it.
import com.onecloud.access.credential.TokenFormat;
System.out.println("token=" + TokenFormat.newToken(TokenFormat.newId()));
System.out.println("secret=" + TokenFormat.newSecret());
/exit
