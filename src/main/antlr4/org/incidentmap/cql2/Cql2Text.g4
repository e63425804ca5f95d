/*
 * CQL2 text (OGC 21-065), after the standard's BNF (cql2.bnf, 1.0.0). The structure is kept and its parts are
 * folded where ANTLR needs it:
 * - one scalar expression rule stands for characterExpression, numericExpression, temporalExpression,
 *   geomExpression and arrayOperand; which kind an operand must be is checked after parsing (Cql2TextReader and
 *   Cql2Sql), so that a mistake gets a message naming the operand instead of "no viable alternative";
 * - function-like words (S_INTERSECTS, T_AFTER, A_CONTAINS, CASEI, ACCENTI, DATE, TIMESTAMP, INTERVAL, BBOX) are
 *   function calls here and recognised by name, so that they need not be reserved words;
 * - WKT literals are recognised by their shape and read by JTS from their text.
 * Keywords are case-insensitive.
 */
grammar Cql2Text;

options { caseInsensitive = true; }

filter : booleanExpression EOF ;

booleanExpression : booleanTerm (OR booleanTerm)* ;

booleanTerm : booleanFactor (AND booleanFactor)* ;

booleanFactor : NOT? booleanPrimary ;

booleanPrimary
    : scalar comparisonOperator scalar                          # binaryComparison
    | scalar NOT? LIKE scalar                                   # isLike
    | scalar NOT? BETWEEN scalar AND scalar                     # isBetween
    | scalar NOT? IN LP scalar (COMMA scalar)* RP               # isInList
    | scalar IS NOT? NULL                                       # isNull
    | LP booleanExpression RP                                   # grouped
    | scalar                                                    # booleanValue
    ;

comparisonOperator : EQ | NE | LT | GT | LE | GE ;

scalar
    : MINUS scalar                                              # negative
    | <assoc = right> scalar POWER scalar                       # power
    | scalar (STAR | SLASH | PERCENT | DIV) scalar              # multiplicative
    | scalar (PLUS | MINUS) scalar                              # additive
    | LP scalar RP                                              # parenthesised
    | LP RP                                                     # emptyArray
    | LP scalar (COMMA scalar)+ RP                              # array
    | STRING                                                    # characterLiteral
    | NUMBER                                                    # numericLiteral
    | (TRUE | FALSE)                                            # booleanLiteral
    | wkt                                                       # spatialLiteral
    | propertyName LP (scalar (COMMA scalar)*)? RP              # function
    | propertyName                                              # property
    ;

propertyName : IDENTIFIER | QUOTED_IDENTIFIER ;

wkt : GEOMETRY_TYPE IDENTIFIER? wktText ;

wktText : LP wktPart (COMMA wktPart)* RP | IDENTIFIER ;

wktPart : wktText | coordinate+ | GEOMETRY_TYPE IDENTIFIER? wktText ;

coordinate : (PLUS | MINUS)? NUMBER ;

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
DIV : 'DIV' ;
GEOMETRY_TYPE : 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON'
    | 'GEOMETRYCOLLECTION' ;

EQ : '=' ;
NE : '<>' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
LP : '(' ;
RP : ')' ;
COMMA : ',' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
POWER : '^' ;

NUMBER : (DIGITS ('.' DIGITS?)? | '.' DIGITS) ('E' [+-]? DIGITS)? ;
fragment DIGITS : [0-9]+ ;

/* A quote inside a literal is doubled ('') or escaped (\'). */
STRING : '\'' ( ~['\\] | '\'\'' | '\\' . )* '\'' ;

QUOTED_IDENTIFIER : '"' IDENTIFIER_START IDENTIFIER_PART* '"' ;
IDENTIFIER : IDENTIFIER_START IDENTIFIER_PART* ;
fragment IDENTIFIER_START
    : [:_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFE\u200C-\u200D\u2070-\u218F]
    | [\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]
    ;
fragment IDENTIFIER_PART : IDENTIFIER_START | [.0-9\u0300-\u036F\u203F-\u2040] ;

WHITESPACE : [ \t\r\n\u000B\u000C\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip ;
