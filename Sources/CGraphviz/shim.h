// Graphviz's libgvc and libcgraph, for Swift. The graph descriptors are C globals, which
// Swift 6 considers unsafe to share; these accessors hand out copies instead.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

static inline Agdesc_t cercle_directed(void) { return Agdirected; }
static inline Agdesc_t cercle_strict_directed(void) { return Agstrictdirected; }
static inline Agdesc_t cercle_undirected(void) { return Agundirected; }
static inline Agdesc_t cercle_strict_undirected(void) { return Agstrictundirected; }

// agtail and aghead are function-like macros, which Swift does not import.
static inline Agnode_t *cercle_tail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *cercle_head(Agedge_t *edge) { return aghead(edge); }
