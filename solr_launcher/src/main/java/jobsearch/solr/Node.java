package jobsearch.solr;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node: a real Solr 9 server in Jetty over a persistent solr home.
 *
 * <p>Usage: {@code Node <solrHome> <port>}. Cloud settings come from JVM system properties as with
 * {@code bin/solr start -c}: {@code -DzkRun} on the first node (embedded ZooKeeper, configured by
 * the home's zoo.cfg), {@code -DzkHost=host:port} on the others. Prints one {@code READY <url>}
 * line once the node is serving, then runs until the process is stopped.
 */
public final class Node {
  private Node() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Node <solrHome> <port>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    JettyConfig config = JettyConfig.builder().setPort(port).setContext("/solr").build();
    JettySolrRunner runner = new JettySolrRunner(home.toString(), new Properties(), config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    runner.stop();
                  } catch (Exception e) {
                    System.err.println("error stopping Solr: " + e);
                  }
                }));
    try {
      runner.start();
    } catch (Exception e) {
      System.err.println("FAILED " + e);
      e.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
    System.out.println("READY " + runner.getBaseUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
