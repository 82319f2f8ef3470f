package jp.kodoku.platform.membership.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node with a name is one of several, and there the in-memory index would miss the changes other nodes' directory
 * processors handle: such a node searches the database, and refuses to start when told to use the index.
 */
class DirectoryIndexOnSeveralNodesTest {

    @Test
    void a_named_node_told_to_search_its_in_memory_index_refuses_to_start_and_says_why() {
        assertThatThrownBy(() -> new DirectoryIndex(null, "memory", "", "node-a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.directory.search-index=memory")
                .hasMessageContaining("node-a")
                .hasMessageContaining("platform.directory.search-index=database");
    }

    @Test
    void a_named_node_searches_the_database_unless_told_otherwise() {
        assertThat(new DirectoryIndex(null, "", "", "node-a").inMemory()).isFalse();
        assertThat(new DirectoryIndex(null, "database", "", "node-a").inMemory()).isFalse();
    }

    @Test
    void a_single_node_with_the_embedded_read_store_keeps_the_in_memory_index() {
        assertThat(new DirectoryIndex(null, "", "", "").inMemory()).isTrue();
    }
}
